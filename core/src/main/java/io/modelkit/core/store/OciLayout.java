package io.modelkit.core.store;

import io.modelkit.core.CommitSection;
import io.modelkit.core.AtomicFile;
import io.modelkit.core.InFlightWrites;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.ImageIndex;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.MediaTypes;
import io.modelkit.core.oci.VerifyingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A standard OCI image layout directory ({@code oci-layout}, {@code index.json},
 * {@code blobs/sha256/<hex>}), readable by skopeo, oras and crane, and safe to use from several
 * threads and processes at once.
 * <ul>
 *   <li>Blobs are written through {@link BlobWriter}: into {@code ingest/}, hashed on the way, then
 *       renamed into {@code blobs/} in one atomic step.</li>
 *   <li>{@code index.json} changes are read-modify-write under an exclusive lock (a JVM lock plus a
 *       file lock on {@code ingest/.lock}) and are written to a temporary file that is renamed over
 *       the old index, so readers never see a partial index and no writer loses another's entry.</li>
 *   <li>A ref name ({@code org.opencontainers.image.ref.name}) names one manifest: giving it to
 *       another manifest moves it. A manifest left without any name stays as an untagged entry
 *       until {@link #removeManifest} drops it.</li>
 * </ul>
 * Methods throw {@link ModelKitException} naming the layout and blob when the file system fails.
 */
public final class OciLayout {
    public static final String LAYOUT_FILE = "oci-layout";
    public static final String INDEX_FILE = "index.json";
    public static final String IMAGE_LAYOUT_VERSION = "1.0.0";
    /** Temporary files and the lock live here, outside {@code blobs/}, so readers never see them. */
    public static final String INGEST_DIR = "ingest";
    /** Unreferenced blobs younger than this are kept by {@link #gc()}: a pack may still be writing its manifest. */
    public static final Duration DEFAULT_GC_MIN_AGE = Duration.ofHours(1);

    private static final byte[] LAYOUT_BYTES = ("{\"imageLayoutVersion\":\"" + IMAGE_LAYOUT_VERSION + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern HEX = Pattern.compile("[a-f0-9]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final LayoutLock lock;

    private OciLayout(Path root) {
        this.root = root;
        this.lock = new LayoutLock(root, root.resolve(INGEST_DIR).resolve(".lock"));
    }

    /**
     * Opens the layout at {@code dir}, creating it if the directory is missing or empty. An
     * existing directory with other content is refused rather than turned into a layout.
     */
    public static OciLayout open(Path dir) {
        try {
            if (Files.isDirectory(dir) && !Files.exists(dir.resolve(LAYOUT_FILE)) && holdsForeignFiles(dir)) {
                throw new ModelKitException(dir + " is not an OCI image layout (no " + LAYOUT_FILE + " file) and is not empty");
            }
            Files.createDirectories(dir.resolve("blobs").resolve("sha256"));
            OciLayout layout = new OciLayout(dir.toRealPath());
            layout.initialize();
            return layout;
        } catch (IOException e) {
            throw new ModelKitException("cannot create OCI image layout at " + dir + ": " + e, e);
        }
    }

    /** Opens an existing layout without creating anything; fails if {@code dir} is not a layout. */
    public static OciLayout openExisting(Path dir) {
        if (!Files.isRegularFile(dir.resolve(LAYOUT_FILE))) {
            throw new ModelKitException(dir + " is not an OCI image layout: no " + LAYOUT_FILE + " file");
        }
        try {
            OciLayout layout = new OciLayout(dir.toRealPath());
            layout.checkLayoutFile();
            return layout;
        } catch (IOException e) {
            throw new ModelKitException("cannot open OCI image layout " + dir + ": " + e, e);
        }
    }

    // Another process may be creating the layout right now, so its own entries do not count.
    private static boolean holdsForeignFiles(Path dir) throws IOException {
        Set<String> layoutEntries = Set.of("blobs", INGEST_DIR, INDEX_FILE, LAYOUT_FILE);
        try (Stream<Path> children = Files.list(dir)) {
            return children.anyMatch(child -> !layoutEntries.contains(child.getFileName().toString()));
        }
    }

    private void initialize() throws IOException {
        lock.exclusive(() -> {
            if (Files.exists(root.resolve(LAYOUT_FILE))) {
                checkLayoutFile();
            } else {
                writeAtomically(root.resolve(LAYOUT_FILE), LAYOUT_BYTES);
            }
            if (!Files.exists(root.resolve(INDEX_FILE))) {
                writeAtomically(root.resolve(INDEX_FILE), ImageIndex.of(List.of()).toBytes());
            }
            return null;
        });
    }

    private void checkLayoutFile() throws IOException {
        Path file = root.resolve(LAYOUT_FILE);
        JsonNode json;
        try {
            json = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ModelKitException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        JsonNode version = json == null ? null : json.get("imageLayoutVersion");
        if (version == null || !version.isTextual() || !version.textValue().startsWith("1.")) {
            throw new ModelKitException(file + ": unsupported imageLayoutVersion " + version + " (expected " + IMAGE_LAYOUT_VERSION + ")");
        }
    }

    /** The layout directory (a real path). */
    public Path root() {
        return root;
    }

    // ---- blobs -------------------------------------------------------------------------------

    /** A writer for a blob whose digest is learned while writing. */
    public BlobWriter openBlobWriter() {
        return openBlobWriter(null);
    }

    /** A writer for a blob that must have digest {@code expected}; {@code null} accepts any. */
    public BlobWriter openBlobWriter(Digest expected) {
        try {
            return new BlobWriter(this, expected, true);
        } catch (IOException e) {
            throw new ModelKitException("cannot start writing a blob in " + root + ": " + e, e);
        }
    }

    /**
     * A writer that does not hash: the caller hashes the bytes it writes and passes the digest to
     * {@link BlobWriter#commit(Digest)}.
     */
    public BlobWriter openPrehashedBlobWriter() {
        try {
            return new BlobWriter(this, null, false);
        } catch (IOException e) {
            throw new ModelKitException("cannot start writing a blob in " + root + ": " + e, e);
        }
    }

    /**
     * A writer for a download of blob {@code expected} that resumes one an earlier process did not
     * finish: its bytes stay in {@code ingest/partial-<hex>.tmp} until the blob is complete and
     * verified ({@link BlobWriter#size()} says how many are there). gc removes partial files as it
     * removes other stale temporary files. If another writer holds that file, this one starts afresh.
     */
    public BlobWriter openResumableBlobWriter(Digest expected) {
        try {
            Path ingest = root.resolve(INGEST_DIR);
            Files.createDirectories(ingest);
            Path partial = ingest.resolve("partial-" + expected.algorithm() + "-" + expected.hex() + TEMP_SUFFIX);
            return BlobWriter.resume(this, expected, partial).orElseGet(() -> openBlobWriter(expected));
        } catch (IOException e) {
            throw new ModelKitException("cannot start writing blob " + expected + " in " + root + ": " + e, e);
        }
    }

    /** Stores {@code content} (small blobs: configs, manifests). */
    public StoredBlob putBlob(byte[] content) {
        Digest digest = Digest.sha256(content);
        if (keepExisting(digest, content.length)) {
            return new StoredBlob(digest, content.length);
        }
        try (BlobWriter writer = openBlobWriter(digest)) {
            writer.write(content);
            return writer.commit();
        } catch (IOException e) {
            throw new ModelKitException("cannot store blob " + digest + " in " + root + ": " + e, e);
        }
    }

    /** Streams {@code content} into a blob; the caller closes {@code content}. */
    public StoredBlob putBlob(InputStream content, Digest expected) {
        try (BlobWriter writer = openBlobWriter(expected)) {
            content.transferTo(writer);
            return writer.commit();
        } catch (IOException e) {
            throw new ModelKitException("cannot store blob " + (expected == null ? "" : expected + " ") + "in " + root + ": " + e, e);
        }
    }

    public boolean hasBlob(Digest digest) {
        return Files.isRegularFile(blobPath(digest));
    }

    /** Where the blob with {@code digest} is (or would be) stored. */
    public Path blobPath(Digest digest) {
        return root.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
    }

    public long blobSize(Digest digest) {
        try {
            return Files.size(blobPath(digest));
        } catch (NoSuchFileException e) {
            throw missingBlob(digest);
        } catch (IOException e) {
            throw new ModelKitException("cannot read blob " + digest + " in " + root + ": " + e, e);
        }
    }

    /** A stream of the blob that fails at its end if the content does not match {@code digest}. */
    public InputStream openBlob(Digest digest) {
        Path path = blobPath(digest);
        try {
            return new VerifyingInputStream(Files.newInputStream(path), digest, -1, path.toString());
        } catch (NoSuchFileException e) {
            throw missingBlob(digest);
        } catch (IOException e) {
            throw new ModelKitException("cannot read blob " + digest + " in " + root + ": " + e, e);
        }
    }

    /** The whole blob, verified against {@code digest}; for small blobs. */
    public byte[] readBlob(Digest digest) {
        try (InputStream in = openBlob(digest)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelKitException("cannot read blob " + digest + " in " + root + ": " + e, e);
        }
    }

    /** The manifest stored under {@code digest}. */
    public Manifest readManifest(Digest digest) {
        return Manifest.parse(readBlob(digest));
    }

    private ModelKitException missingBlob(Digest digest) {
        return new ModelKitException("blob " + digest + " not found in OCI layout " + root);
    }

    // ---- manifests and index.json ------------------------------------------------------------

    /** Stores a manifest and names it {@code refNames}; see {@link #putManifest(byte[], String, Collection)}. */
    public Descriptor putManifest(Manifest manifest, Collection<String> refNames) {
        return putManifest(manifest.bytes(), manifest.mediaType().orElse(MediaTypes.OCI_MANIFEST), refNames);
    }

    /**
     * Stores manifest (or index) bytes as a blob and records them in {@code index.json}: one entry
     * per ref name, each name moved from any manifest that had it, or one untagged entry when
     * {@code refNames} is empty and the manifest is not yet listed. The blobs the manifest refers
     * to must already be in the layout.
     *
     * @param mediaType the manifest's media type; {@code null} takes it from the bytes
     * @return the manifest descriptor (without ref name)
     */
    public Descriptor putManifest(byte[] manifestBytes, String mediaType, Collection<String> refNames) {
        Descriptor descriptor = describeManifest(manifestBytes, mediaType);
        List<String> names = checkNames(refNames);
        List<Descriptor> children = children(manifestBytes, descriptor);
        inLock(() -> {
            requirePresent(children, descriptor.digest());
            putBlob(manifestBytes); // inside the lock so that gc cannot take it before it is listed
            return updateEntries(entries -> {
                if (names.isEmpty()) {
                    keepAsUntagged(entries, descriptor);
                }
                names.forEach(name -> assignName(entries, name, descriptor));
                return null;
            });
        });
        return descriptor;
    }

    /** Gives {@code refName} to the stored manifest {@code manifest}, moving it from any other manifest. */
    public void tag(Descriptor manifest, String refName) {
        checkNames(List.of(refName));
        inLock(() -> {
            if (!hasBlob(manifest.digest())) {
                throw new ModelKitException("cannot tag " + refName + ": manifest " + manifest.digest() + " is not in OCI layout " + root);
            }
            return updateEntries(entries -> {
                assignName(entries, refName, manifest);
                return null;
            });
        });
    }

    /**
     * Removes the name {@code refName}. A manifest left without any name stays listed as an
     * untagged entry. Returns whether the name existed.
     */
    public boolean untag(String refName) {
        return updateEntries(entries -> {
            Optional<IndexEntry> named = entries.stream().filter(entry -> entry.hasName(refName)).findFirst();
            named.ifPresent(entry -> {
                entries.removeIf(other -> other.hasName(refName));
                keepAsUntagged(entries, entry.manifest());
            });
            return named.isPresent();
        });
    }

    /** Drops every index entry of manifest {@code digest}; its blobs stay until {@link #gc()}. */
    public boolean removeManifest(Digest digest) {
        return updateEntries(entries -> entries.removeIf(entry -> entry.manifest().digest().equals(digest)));
    }

    /** The manifest named {@code refName}. */
    public Optional<Descriptor> resolve(String refName) {
        return entries().stream().filter(entry -> entry.hasName(refName)).map(IndexEntry::manifest).findFirst();
    }

    /** The manifest {@code digest}, if the index lists it. */
    public Optional<Descriptor> resolve(Digest digest) {
        return entries().stream().map(IndexEntry::manifest).filter(manifest -> manifest.digest().equals(digest)).findFirst();
    }

    /** The entries of {@code index.json}, in file order. */
    public List<IndexEntry> entries() {
        return readIndex().manifests().stream().map(IndexEntry::fromDescriptor).toList();
    }

    /**
     * Applies {@code change} to the index entries under the exclusive lock and writes
     * {@code index.json} if they changed. {@code change} mutates the list it is given.
     */
    <T> T updateEntries(Function<List<IndexEntry>, T> change) {
        return inLock(() -> {
            ImageIndex index = readIndex();
            List<IndexEntry> before = index.manifests().stream().map(IndexEntry::fromDescriptor).toList();
            List<IndexEntry> after = new ArrayList<>(before);
            T result = change.apply(after);
            if (!after.equals(before)) {
                writeAtomically(root.resolve(INDEX_FILE),
                        index.withManifests(after.stream().map(IndexEntry::toDescriptor).toList()).toBytes());
            }
            return result;
        });
    }

    private static void assignName(List<IndexEntry> entries, String name, Descriptor manifest) {
        IndexEntry wanted = IndexEntry.named(name, manifest);
        List<IndexEntry> displaced = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).hasName(name)) {
                if (displaced.isEmpty() && entries.get(i).equals(wanted)) {
                    return; // already so
                }
                displaced.add(entries.remove(i--));
            }
        }
        entries.removeIf(entry -> entry.refName().isEmpty() && entry.manifest().digest().equals(manifest.digest()));
        entries.add(wanted);
        displaced.forEach(old -> keepAsUntagged(entries, old.manifest()));
    }

    private static void keepAsUntagged(List<IndexEntry> entries, Descriptor manifest) {
        if (entries.stream().noneMatch(entry -> entry.manifest().digest().equals(manifest.digest()))) {
            entries.add(IndexEntry.untagged(manifest));
        }
    }

    private List<String> checkNames(Collection<String> refNames) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : refNames) {
            if (name == null || name.isEmpty()) {
                throw new ModelKitException("empty ref name for OCI layout " + root);
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private ImageIndex readIndex() {
        Path file = root.resolve(INDEX_FILE);
        try {
            return ImageIndex.parse(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            return ImageIndex.of(List.of());
        } catch (IOException e) {
            throw new ModelKitException("cannot read " + file + ": " + e, e);
        }
    }

    private Descriptor describeManifest(byte[] bytes, String givenMediaType) {
        Digest digest = Digest.sha256(bytes);
        JsonNode json = parseJson(bytes, "manifest " + digest);
        String declared = json.path("mediaType").asText("");
        String mediaType = givenMediaType == null || givenMediaType.isEmpty() ? declared : givenMediaType;
        if (mediaType.isEmpty()) {
            mediaType = json.has("manifests") && !json.has("config") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
        }
        if (!declared.isEmpty() && !declared.equals(mediaType)) {
            throw new ModelKitException("manifest " + digest + " declares mediaType " + declared + " but is stored as " + mediaType);
        }
        String artifactType;
        if (MediaTypes.isManifest(mediaType)) {
            artifactType = Manifest.parse(bytes).artifactType().orElse("");
        } else if (MediaTypes.isIndex(mediaType)) {
            artifactType = ImageIndex.parse(bytes, "index " + digest).artifactType();
        } else {
            throw new ModelKitException("manifest " + digest + ": unsupported media type " + mediaType);
        }
        return new Descriptor(mediaType, digest, bytes.length, List.of(), Map.of(), artifactType);
    }

    private static JsonNode parseJson(byte[] bytes, String what) {
        try {
            JsonNode json = JSON.readTree(bytes);
            if (json == null || !json.isObject()) {
                throw new ModelKitException(what + ": expected a JSON object");
            }
            return json;
        } catch (IOException e) {
            throw new ModelKitException(what + ": invalid JSON: " + e.getMessage(), e);
        }
    }

    private static List<Descriptor> children(byte[] bytes, Descriptor manifest) {
        if (MediaTypes.isIndex(manifest.mediaType())) {
            return ImageIndex.parse(bytes, "index " + manifest.digest()).manifests();
        }
        Manifest parsed = Manifest.parse(bytes);
        List<Descriptor> children = new ArrayList<>();
        children.add(parsed.config());
        children.addAll(parsed.layers());
        return children;
    }

    private void requirePresent(List<Descriptor> children, Digest parent) throws IOException {
        Map<Digest, String> problems = new LinkedHashMap<>();
        for (Descriptor child : children) {
            Path path = blobPath(child.digest());
            if (!Files.isRegularFile(path)) {
                problems.put(child.digest(), "missing");
            } else if (Files.size(path) != child.size()) {
                problems.put(child.digest(), "has " + Files.size(path) + " bytes, descriptor says " + child.size());
            }
        }
        if (!problems.isEmpty()) {
            throw new ModelKitException("manifest " + parent + " refers to blobs that OCI layout " + root + " does not hold: " + problems);
        }
    }

    // ---- garbage collection ------------------------------------------------------------------

    /** {@link #gc(Duration)} with {@link #DEFAULT_GC_MIN_AGE}. */
    public GcReport gc() {
        return gc(DEFAULT_GC_MIN_AGE);
    }

    /**
     * Deletes blobs that no manifest listed in the index refers to (directly or through an index),
     * and temporary files of writers that died. Blobs and temporary files modified less than
     * {@code minAge} ago are kept, because a concurrent pack commits its layers before its
     * manifest; temporary files still locked by a live writer are always kept. Runs under the
     * index lock, so no manifest can be added half-way. If a listed manifest cannot be read, gc
     * stops before deleting anything.
     */
    public GcReport gc(Duration minAge) {
        return collect(minAge, null, null);
    }

    /**
     * Deletes those of {@code candidates} (the blobs of a manifest just removed) that no remaining
     * manifest uses, whatever their age, except those touched since {@code removalStarted}: a pack
     * that finds a blob already stored touches it and names it a moment later.
     */
    public GcReport removeUnused(Collection<Digest> candidates, Instant removalStarted) {
        return collect(Duration.ZERO, Set.copyOf(candidates), removalStarted);
    }

    private GcReport collect(Duration minAge, Set<Digest> only, Instant touchedBefore) {
        return inLock(() -> {
            Set<Digest> reachable;
            try {
                reachable = reachableBlobs();
            } catch (ModelKitException e) {
                throw new ModelKitException(e.getMessage() + " (gc stopped, nothing deleted)", e);
            }
            Instant cutoff = Instant.now().minus(minAge);
            List<Digest> deleted = new ArrayList<>();
            long freed = 0;
            Path blobDir = root.resolve("blobs").resolve("sha256");
            if (Files.isDirectory(blobDir)) {
                try (DirectoryStream<Path> blobs = Files.newDirectoryStream(blobDir)) {
                    for (Path blob : blobs) {
                        String name = blob.getFileName().toString();
                        if (!HEX.matcher(name).matches() || reachable.contains(new Digest("sha256", name))
                                || (only != null && !only.contains(new Digest("sha256", name)))
                                || (touchedBefore != null && !olderThan(blob, touchedBefore))
                                || (only == null && !olderThan(blob, cutoff))) {
                            continue;
                        }
                        long size = Files.size(blob);
                        if (Files.deleteIfExists(blob)) {
                            deleted.add(new Digest("sha256", name));
                            freed += size;
                        }
                    }
                }
            }
            int temps = only == null ? deleteStaleTempFiles(cutoff) : 0;
            return new GcReport(deleted.stream().sorted().toList(), freed, temps);
        });
    }

    private Set<Digest> reachableBlobs() {
        Set<Digest> reachable = new HashSet<>();
        Deque<Descriptor> pending = new ArrayDeque<>();
        entries().forEach(entry -> pending.add(entry.manifest()));
        while (!pending.isEmpty()) {
            Descriptor manifest = pending.pop();
            if (!reachable.add(manifest.digest()) || !hasBlob(manifest.digest())) {
                continue;
            }
            JsonNode json = parseJson(readBlob(manifest.digest()), "manifest " + manifest.digest());
            // Read generically, so that manifests of kinds we do not model keep their blobs too.
            addDigest(json.get("config"), reachable, manifest);
            for (String field : List.of("layers", "blobs")) {
                json.path(field).forEach(child -> addDigest(child, reachable, manifest));
            }
            json.path("manifests").forEach(child -> pending.add(Descriptor.fromJson(child, "manifest " + manifest.digest() + ": manifests")));
        }
        return reachable;
    }

    private static void addDigest(JsonNode descriptor, Set<Digest> reachable, Descriptor parent) {
        if (descriptor != null && descriptor.isObject() && descriptor.has("digest")) {
            try {
                reachable.add(Digest.parse(descriptor.get("digest").asText()));
            } catch (ModelKitException e) {
                throw new ModelKitException("manifest " + parent.digest() + ": " + e.getMessage(), e);
            }
        }
    }

    private int deleteStaleTempFiles(Instant cutoff) throws IOException {
        Path ingest = root.resolve(INGEST_DIR);
        if (!Files.isDirectory(ingest)) {
            return 0;
        }
        int count = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(ingest, "*" + TEMP_SUFFIX)) {
            for (Path file : files) {
                if (olderThan(file, cutoff) && !inUse(file) && Files.deleteIfExists(file)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean inUse(Path tempFile) {
        try (FileChannel channel = FileChannel.open(tempFile, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // a writer in this JVM holds it
        } catch (IOException e) {
            return true; // when in doubt, keep it
        }
    }

    private static boolean olderThan(Path file, Instant cutoff) throws IOException {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    // ---- files, as BlobWriter uses them -----------------------------------------------------

    Path newTempFile(String prefix) throws IOException {
        Path ingest = root.resolve(INGEST_DIR);
        Files.createDirectories(ingest);
        return InFlightWrites.track(Files.createTempFile(ingest, prefix, TEMP_SUFFIX));
    }

    /**
     * Starts making results visible: blob commits and the manifest that names them belong in one
     * section, which a shutting-down process lets finish and never starts anew.
     */
    public CommitSection beginCommit() {
        return InFlightWrites.enterCommit(root);
    }

    /** Moves a finished temporary file to the blob path, or keeps an existing blob of that size. */
    void moveIntoPlace(Path tempFile, Digest digest, long size) throws IOException {
        if (keepExisting(digest, size)) {
            return;
        }
        Path target = blobPath(digest);
        Files.createDirectories(target.getParent());
        try {
            Files.move(tempFile, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AccessDeniedException e) {
            // Windows refuses to replace a file another writer just moved in; same content, keep it.
            if (!Files.isRegularFile(target)) {
                throw e;
            }
        }
    }

    /** An existing blob of the right size is kept; its time is refreshed so gc's grace period restarts. */
    private boolean keepExisting(Digest digest, long size) {
        Path target = blobPath(digest);
        try {
            if (Files.isRegularFile(target) && Files.size(target) == size) {
                touch(target);
                return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // A read-only shared store cannot be touched; the blob is still there, and putManifest
            // checks again under the lock.
        }
    }

    private void writeAtomically(Path target, byte[] bytes) throws IOException {
        AtomicFile.writeDurably(target, bytes, root.resolve(INGEST_DIR));
    }

    private <T> T inLock(LayoutLock.Action<T> action) {
        try {
            return lock.exclusive(action);
        } catch (IOException e) {
            throw new ModelKitException("OCI layout " + root + ": " + e, e);
        } catch (UncheckedIOException e) {
            throw new ModelKitException("OCI layout " + root + ": " + e.getCause(), e);
        }
    }

    @Override
    public String toString() {
        return "OCI layout " + root;
    }
}
