package org.farmgate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets the application must read back (webhook secrets verify signatures, so
 * they cannot be hashed) with AES-256-GCM under a key kept outside the database: a copy
 * of the database alone does not give them away. A sealed value reads
 * {@code v1:<base64 of nonce + ciphertext + tag>}; the purpose is bound into the tag, so
 * a value sealed for one purpose does not open for another.
 */
public final class SecretBox {

	private static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom random = new SecureRandom();

	private final SecretKey key;

	SecretBox(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("the secrets key must be 32 bytes (256 bits), it has " + key.length);
		}
		this.key = new SecretKeySpec(key.clone(), "AES");
	}

	/** Whether a stored value is sealed (values stored before sealing began are not). */
	public static boolean isSealed(String stored) {
		return stored != null && stored.startsWith(PREFIX);
	}

	public String seal(String purpose, String plain) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, purpose);
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * The plain value of a sealed one.
	 * @throws IllegalStateException when the value was sealed under another key or for
	 * another purpose, or was altered
	 */
	public String open(String purpose, String stored) {
		if (!isSealed(stored)) {
			throw new IllegalArgumentException("not a sealed value");
		}
		byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
		if (in.length <= NONCE_BYTES) {
			throw new IllegalStateException("sealed value is truncated");
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, NONCE_BYTES), purpose);
			byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("a sealed secret does not open: it was sealed under another key "
					+ "(farmgate.secrets.key / the key file) or altered", ex);
		}
	}

	private Cipher cipher(int mode, byte[] nonce, String purpose) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

}
