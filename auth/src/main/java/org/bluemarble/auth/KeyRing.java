package org.bluemarble.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ES256 keys of {@link TokenService}: one current signing key (private) and the public halves
 * of previous keys, so tokens signed before a rotation stay valid until they expire. Immutable;
 * {@link #rotate()} returns a new ring.
 *
 * <p>Key ids are RFC 7638 thumbprints, so the same key has the same {@code kid} on every node.
 *
 * <p>ES256 rather than Ed25519: nimbus signs Ed25519 only through Google Tink, an extra dependency,
 * whereas P-256 ECDSA runs on the JDK's own providers and is understood by every JWT library a
 * client might use.
 */
public final class KeyRing {
  /** How many previous public keys are kept; a rotation drops the oldest beyond this. */
  public static final int MAX_PREVIOUS = 3;

  private final ECKey current;
  private final List<ECKey> previous;
  // Built once per ring: making an ECDSAVerifier converts the JWK to a JDK key, which would
  // dominate each verification.
  private final Map<String, JWSVerifier> verifiers;
  private final JWSSigner signer;

  private KeyRing(ECKey current, List<ECKey> previous) {
    if (!current.isPrivate()) {
      throw new IllegalArgumentException("the current signing key must include its private part");
    }
    if (!Curve.P_256.equals(current.getCurve())) {
      throw new IllegalArgumentException(
          "signing key must be on curve P-256 (ES256), was " + current.getCurve());
    }
    this.current = withKid(current);
    List<ECKey> publics = new ArrayList<>();
    for (ECKey key : previous) {
      publics.add(withKid(key).toPublicJWK());
    }
    this.previous = List.copyOf(publics.subList(0, Math.min(publics.size(), MAX_PREVIOUS)));
    Map<String, JWSVerifier> byKid = new HashMap<>();
    byKid.put(this.current.getKeyID(), verifier(this.current.toPublicJWK()));
    for (ECKey key : this.previous) {
      byKid.putIfAbsent(key.getKeyID(), verifier(key));
    }
    this.verifiers = Map.copyOf(byKid);
    try {
      this.signer = new ECDSASigner(this.current);
    } catch (JOSEException e) {
      throw new IllegalArgumentException(
          "key " + this.current.getKeyID() + " cannot sign ES256", e);
    }
  }

  /** A ring of one freshly generated key: the embedded profile, and tests. */
  public static KeyRing generate() {
    return new KeyRing(newKey(), List.of());
  }

  /** A ring from loaded keys (see {@link KeyRingFiles}). */
  public static KeyRing of(ECKey current, List<ECKey> previous) {
    return new KeyRing(current, previous);
  }

  /**
   * A new ring whose current key is fresh and whose previous keys start with this ring's current
   * one.
   */
  public KeyRing rotate() {
    List<ECKey> older = new ArrayList<>();
    older.add(current);
    older.addAll(previous);
    return new KeyRing(newKey(), older);
  }

  /** A thread-safe signer with {@link #signingKey()}. */
  public JWSSigner signer() {
    return signer;
  }

  /** The key new tokens are signed with. */
  public ECKey signingKey() {
    return current;
  }

  /** The public key for a {@code kid}, current or previous. */
  public Optional<ECKey> verificationKey(String kid) {
    if (current.getKeyID().equals(kid)) {
      return Optional.of(current.toPublicJWK());
    }
    return previous.stream().filter(k -> k.getKeyID().equals(kid)).findFirst();
  }

  /** A thread-safe signature verifier for a {@code kid}, current or previous. */
  public Optional<JWSVerifier> verifier(String kid) {
    return Optional.ofNullable(verifiers.get(kid));
  }

  /**
   * The JSON of {@code /.well-known/jwks.json}: every public key, current first, never a private
   * part.
   */
  public String jwksJson() {
    List<JWK> keys = new ArrayList<>();
    keys.add(current.toPublicJWK());
    keys.addAll(previous);
    return new JWKSet(keys).toString(true);
  }

  private static ECKey withKid(ECKey key) {
    try {
      String thumbprint = key.computeThumbprint().toString();
      return new ECKey.Builder(key)
          .keyID(thumbprint)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.ES256)
          .build();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot compute a key thumbprint", e);
    }
  }

  private static JWSVerifier verifier(ECKey publicKey) {
    try {
      return new ECDSAVerifier(publicKey);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("key " + publicKey.getKeyID() + " cannot verify ES256", e);
    }
  }

  private static ECKey newKey() {
    try {
      return new ECKeyGenerator(Curve.P_256).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("the JDK cannot generate P-256 keys", e);
    }
  }
}
