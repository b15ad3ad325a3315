package io.modelkit.cli.command;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.pack.Compression;
import io.modelkit.core.pack.PackFormat;
import io.modelkit.core.unpack.UnpackFilter;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Option values parsed while the command line is read, so that a wrong value is a usage error
 * (exit code 2) with the core's own message, before any work starts.
 */
final class Converters {
    private Converters() {
    }

    private abstract static class CoreConverter<T> implements CommandLine.ITypeConverter<T> {
        private final Function<String, T> parser;

        CoreConverter(Function<String, T> parser) {
            this.parser = parser;
        }

        @Override
        public T convert(String value) {
            try {
                return parser.apply(value);
            } catch (ModelKitException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class CompressionConverter extends CoreConverter<Compression> {
        CompressionConverter() {
            super(Compression::parse);
        }
    }

    static final class FormatConverter extends CoreConverter<PackFormat> {
        FormatConverter() {
            super(PackFormat::parse);
        }
    }

    static final class FilterConverter extends CoreConverter<UnpackFilter> {
        FilterConverter() {
            super(UnpackFilter::parse);
        }
    }

    static final class PositiveConverter extends CoreConverter<Integer> {
        PositiveConverter() {
            super(text -> {
                try {
                    int value = Integer.parseInt(text.trim());
                    if (value >= 1) {
                        return value;
                    }
                } catch (NumberFormatException e) {
                    // reported below with the value
                }
                throw new ModelKitException("'" + text + "' is not a whole number of at least 1");
            });
        }
    }
}
