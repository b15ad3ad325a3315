package io.modelkit.core.bom;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.ModelKitVersion;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.kitfile.KitPackage;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.Reference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalContact;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * A ModelKit's AI bill of materials as CycloneDX 1.6 JSON.
 * <ul>
 *   <li>{@code metadata.component} is the ModelKit: type {@code application} (it bundles a model with its
 *       data, code and docs; the model itself is the {@code machine-learning-model} component), bom-ref and
 *       SHA-256 = the manifest digest, purl {@code pkg:oci/<name>@sha256%3A<hex>?repository_url=...}.</li>
 *   <li>{@code components}: one per Kitfile entry, hashed by its layer digest, with the layer media type as a
 *       property (see {@link KitComponents}); the model carries a model card with its datasets and its
 *       hyperparameters.</li>
 *   <li>{@code dependencies}: the ModelKit on every component, the model on its parts; every component is
 *       listed, those without dependencies with none.</li>
 * </ul>
 * The same inputs give the same bytes: the timestamp is the caller's (whole seconds), the serial number is
 * derived from the inputs, and the JSON is indented with {@code \n} whatever the platform.
 */
public final class ModelKitBom {
    /** The media type of a CycloneDX JSON document, e.g. for an OCI referrer's artifactType. */
    public static final String MEDIA_TYPE = "application/vnd.cyclonedx+json";
    /** The CycloneDX specification version written. */
    public static final String SPEC_VERSION = "1.6";
    static final String TOOL_NAME = "modelkit";

    private static final Pattern NAME_AND_EMAIL = Pattern.compile("(.*?)\\s*<([^<>\\s]+@[^<>\\s]+)>");

    private ModelKitBom() {
    }

    /**
     * The BOM of the ModelKit {@code contents} (as {@link io.modelkit.core.inspect.ModelKitReader} reads it)
     * published as {@code reference}, written at {@code timestamp}, by this tool's version.
     */
    public static byte[] json(Reference reference, ModelKitContents contents, Instant timestamp) {
        return json(reference, contents, timestamp, ModelKitVersion.get());
    }

    /** As {@link #json(Reference, ModelKitContents, Instant)}, naming {@code toolVersion} as the generator's. */
    public static byte[] json(Reference reference, ModelKitContents contents, Instant timestamp, String toolVersion) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(contents, "contents");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(toolVersion, "toolVersion");
        Manifest manifest = contents.manifest();
        Digest digest = manifest.digest();
        String where = reference.toString();
        if (reference.digest() != null && !reference.digest().equals(digest)) {
            throw new ModelKitException("reference " + where + " names a different manifest than the ModelKit's "
                    + digest);
        }
        Instant seconds = timestamp.truncatedTo(ChronoUnit.SECONDS);
        String kitRef = digest.toString();
        KitComponents components = KitComponents.of(contents, kitRef, where);

        Bom bom = new Bom();
        bom.setSerialNumber(serialNumber(reference, digest, seconds, toolVersion));
        bom.setVersion(1);
        bom.setMetadata(metadata(reference, contents, seconds, toolVersion, where));
        bom.setComponents(components.all());
        bom.setDependencies(dependencies(kitRef, components));
        try {
            String compact = BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString(false);
            return BomJson.indent(compact.getBytes(StandardCharsets.UTF_8));
        } catch (GeneratorException e) {
            throw new ModelKitException("cannot write the CycloneDX BOM of " + where + ": " + e.getMessage(), e);
        }
    }

    private static Metadata metadata(Reference reference, ModelKitContents contents, Instant timestamp,
                                     String toolVersion, String where) {
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(timestamp));
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName(TOOL_NAME);
        tool.setVersion(toolVersion);
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        metadata.setComponent(kit(reference, contents, where));
        return metadata;
    }

    private static Component kit(Reference reference, ModelKitContents contents, String where) {
        Manifest manifest = contents.manifest();
        KitPackage kitPackage = contents.kitfile().kitPackage();
        Component kit = new Component();
        kit.setType(Component.Type.APPLICATION);
        kit.setBomRef(manifest.digest().toString());
        String repository = reference.repository();
        kit.setName(kitPackage.name() != null ? kitPackage.name() : repository.substring(repository.lastIndexOf('/') + 1));
        kit.setVersion(kitPackage.version() != null ? kitPackage.version() : reference.tag());
        kit.setDescription(kitPackage.description());
        kit.setLicenses(SpdxLicenses.choice(kitPackage.license()));
        if (!kitPackage.authors().isEmpty()) {
            kit.setAuthors(kitPackage.authors().stream().map(ModelKitBom::contact).toList());
        }
        kit.setPurl(OciPurl.of(reference, manifest.digest()));
        kit.addHash(LayerHashes.of(manifest.digest(), where));
        kit.addProperty(new Property("modelkit:reference", where));
        manifest.mediaType().ifPresent(type -> kit.addProperty(new Property("modelkit:manifest:mediaType", type)));
        kit.addProperty(new Property("modelkit:config:digest", manifest.config().digest().toString()));
        kit.addProperty(new Property("modelkit:config:mediaType", manifest.config().mediaType()));
        if (contents.kitfile().manifestVersion() != null) {
            kit.addProperty(new Property("modelkit:kitfile:manifestVersion", contents.kitfile().manifestVersion()));
        }
        return kit;
    }

    /** A Kitfile author, {@code Name <email>} split as written, else the whole text as the name. */
    private static OrganizationalContact contact(String author) {
        OrganizationalContact contact = new OrganizationalContact();
        Matcher matcher = NAME_AND_EMAIL.matcher(author.strip());
        if (matcher.matches() && !matcher.group(1).isEmpty()) {
            contact.setName(matcher.group(1));
            contact.setEmail(matcher.group(2));
        } else {
            contact.setName(author.strip());
        }
        return contact;
    }

    private static List<Dependency> dependencies(String kitRef, KitComponents components) {
        List<Dependency> graph = new ArrayList<>();
        Dependency kit = new Dependency(kitRef);
        components.all().forEach(component -> kit.addDependency(new Dependency(component.getBomRef())));
        graph.add(kit);
        for (Component component : components.all()) {
            Dependency node = new Dependency(component.getBomRef());
            if (component.getBomRef().equals(components.modelRef())) {
                components.partRefs().forEach(part -> node.addDependency(new Dependency(part)));
            }
            graph.add(node);
        }
        return graph;
    }

    /** A name-based UUID of the inputs, so that the same ModelKit, reference, time and tool give the same BOM. */
    private static String serialNumber(Reference reference, Digest digest, Instant timestamp, String toolVersion) {
        String inputs = String.join("\n", "cyclonedx " + SPEC_VERSION, reference.toString(), digest.toString(),
                timestamp.toString(), TOOL_NAME + " " + toolVersion);
        return "urn:uuid:" + UUID.nameUUIDFromBytes(inputs.getBytes(StandardCharsets.UTF_8));
    }
}
