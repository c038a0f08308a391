package org.farmgate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key of the {@link SecretBox}: {@code farmgate.secrets.key} (FARMGATE_SECRETS_KEY,
 * 32 bytes in base64) in production; otherwise a key file
 * ({@code farmgate.secrets.key-file}, by default {@code ./data/secret.key}) created on
 * the first start and readable by its owner only. Losing the key means every shop needs a
 * new webhook secret; back the key up apart from the database.
 */
@Configuration(proxyBeanMethods = false)
class SecretBoxConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecretBoxConfiguration.class);

	@Bean
	SecretBox secretBox(@Value("${farmgate.secrets.key:}") String key,
			@Value("${farmgate.secrets.key-file:./data/secret.key}") String keyFile) {
		if (!key.isBlank()) {
			return new SecretBox(decode(key.strip(), "farmgate.secrets.key"));
		}
		return new SecretBox(keyFromFile(Path.of(keyFile)));
	}

	private static byte[] keyFromFile(Path file) {
		try {
			if (!Files.exists(file)) {
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				Path parent = file.toAbsolutePath().getParent();
				Files.createDirectories(parent);
				try {
					Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII,
							StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
					restrict(file);
					logger.info("Created the secrets key file {} (back it up apart from the database)",
							file.toAbsolutePath());
				}
				catch (FileAlreadyExistsException ex) {
					// another start created it meanwhile: use that one
				}
			}
			return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the secrets key file " + file.toAbsolutePath()
					+ "; set farmgate.secrets.key or farmgate.secrets.key-file", ex);
		}
	}

	private static void restrict(Path file) {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException | IOException ex) {
			// not a POSIX file system: the directory's permissions protect it
		}
	}

	private static byte[] decode(String base64, String source) {
		try {
			byte[] key = Base64.getDecoder().decode(base64);
			if (key.length != 32) {
				throw new IllegalStateException(
						source + " must hold 32 bytes in base64 (openssl rand -base64 32), it holds " + key.length);
			}
			return key;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(source + " is not base64 (make one with: openssl rand -base64 32)", ex);
		}
	}

}
