package dev.pitwall.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pitwall.platform.PlatformProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checkpoint file and its Ed25519 key. Each line is one checkpoint in JSON; lines are only
 * ever appended. The private key signs, the public key beside it verifies, so an auditor can check
 * the file with the public key alone ({@code docs/audit-log.md} shows how).
 */
@Component
class AuditCheckpoints {

    private static final String ALGORITHM = "Ed25519";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final boolean enabled;
    private final Path file;
    private final Path keyFile;
    private volatile KeyPair keys;

    AuditCheckpoints(AuditProperties properties, PlatformProperties platform) {
        AuditProperties.Checkpoints settings = properties.checkpoints();
        Path directory = platform.dataDir().resolve("audit");
        this.enabled = settings.enabled();
        this.file = settings.file() != null ? settings.file() : directory.resolve("checkpoints.jsonl");
        this.keyFile = settings.keyFile() != null ? settings.keyFile() : directory.resolve("checkpoint-signing.key");
    }

    /** One line of the file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(long sequence, String hash, String at, String signature) {
    }

    boolean enabled() {
        return enabled;
    }

    Path file() {
        return file;
    }

    /** The last checkpoint written, or {@code null}. */
    AuditCheckpoint last() {
        List<AuditCheckpoint> all = read();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** A checkpoint as one line of JSON, as the file and the webhook carry it. */
    String json(AuditCheckpoint checkpoint) {
        return JSON.writeValueAsString(new Line(checkpoint.sequence(), checkpoint.hash(), checkpoint.at().toString(),
                checkpoint.signature()));
    }

    /** Signs and appends a checkpoint; the line is forced to disk before this returns. */
    synchronized AuditCheckpoint append(long sequence, String hash, Instant at) {
        String signature = sign(AuditCheckpoint.signedText(sequence, hash, at));
        AuditCheckpoint checkpoint = new AuditCheckpoint(sequence, hash, at, signature, true);
        String line = json(checkpoint) + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                channel.write(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append the audit checkpoint to " + file, e);
        }
        return checkpoint;
    }

    /** Every checkpoint in the file, each with whether its signature verifies; none when disabled. */
    List<AuditCheckpoint> read() {
        if (!enabled || !Files.exists(file)) {
            return List.of();
        }
        List<AuditCheckpoint> checkpoints = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    checkpoints.add(parse(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the audit checkpoints in " + file, e);
        }
        return checkpoints;
    }

    /** A line that cannot be read, or whose signature fails, is an invalid checkpoint, never skipped. */
    private AuditCheckpoint parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            long sequence = node.path("sequence").asLong(-1);
            String hash = node.path("hash").asString("");
            Instant at = Instant.parse(node.path("at").asString(""));
            String signature = node.path("signature").asString("");
            boolean valid = verify(AuditCheckpoint.signedText(sequence, hash, at), signature);
            return new AuditCheckpoint(sequence, hash, at, signature, valid);
        } catch (RuntimeException e) {
            return new AuditCheckpoint(-1, "", Instant.EPOCH, "", false);
        }
    }

    private String sign(String text) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(keys().getPrivate());
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the audit checkpoint", e);
        }
    }

    private boolean verify(String text, String signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(keys().getPublic());
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The key pair from the key files, created on first use. */
    private KeyPair keys() {
        KeyPair loaded = keys;
        if (loaded == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = Files.exists(keyFile) ? load() : create();
                }
                loaded = keys;
            }
        }
        return loaded;
    }

    private Path publicKeyFile() {
        return keyFile.resolveSibling(keyFile.getFileName() + ".pub");
    }

    private KeyPair load() {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(decode(keyFile)));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(decode(publicKeyFile())));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not read the audit checkpoint key " + keyFile + " and its .pub", e);
        }
    }

    private static byte[] decode(Path path) throws IOException {
        return Base64.getMimeDecoder().decode(Files.readString(path, StandardCharsets.US_ASCII).trim());
    }

    private KeyPair create() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n",
                    StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            ownerOnly(keyFile);
            Files.writeString(publicKeyFile(), Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n",
                    StandardCharsets.US_ASCII);
            return pair;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not create the audit checkpoint key " + keyFile, e);
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's own permissions apply.
        }
    }
}
