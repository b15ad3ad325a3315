package io.modelkit.core.kitfile;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;

/**
 * Jackson's YAML parser, also exposing the YAML event behind each token: yaml.v3 resolves a scalar by
 * its style (plain or quoted) and tag, which Jackson's token types alone do not tell apart.
 */
final class YamlEventParser extends YAMLParser {

    private YamlEventParser(IOContext context, int parserFeatures, int formatFeatures, LoaderOptions options,
                            ObjectCodec codec, Reader reader) {
        super(context, parserFeatures, formatFeatures, options, codec, reader);
    }

    /** The event that produced the current token. */
    Event event() {
        return _lastEvent;
    }

    /** A parser over {@code text} that refuses nesting deeper than {@code maxDepth}. */
    static YamlEventParser open(String text, int maxDepth, int maxChars) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(maxChars);
        options.setProcessComments(false);
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth)
                .maxStringLength(maxChars)
                .maxNameLength(maxChars)
                .maxNumberLength(maxChars)
                .build();
        Factory factory = new Factory(YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints));
        return (YamlEventParser) factory.createParser(new StringReader(text));
    }

    private static final class Factory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        Factory(YAMLFactoryBuilder builder) {
            super(builder);
        }

        @Override
        protected YAMLParser _createParser(Reader reader, IOContext context) {
            return new YamlEventParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
        }
    }
}
