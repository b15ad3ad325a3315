package io.modelkit.core.provenance.keys;

import io.modelkit.core.ModelKitException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * DER-level work on EC keys that the JDK does not offer: turning SEC1 into PKCS#8 and computing
 * the public key of a private key (the JDK's {@code ECPrivateKey} does not carry it).
 */
final class EcKeys {
    /** Names for the key algorithms people are likely to hand us by mistake, for the error message. */
    private static final Map<String, String> ALGORITHM_NAMES = Map.of(
            "1.2.840.10045.2.1", "EC",
            "1.2.840.113549.1.1.1", "RSA",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448",
            "1.2.840.10040.4.1", "DSA");

    private EcKeys() {
    }

    /** The EC private key in PKCS#8 {@code der}, checked against its curve and the public key it may embed. */
    static PrivateKey privateFromPkcs8(byte[] der, String name) {
        PrivateKeyInfo info = pkcs8Info(der, name);
        X9ECParameters curve = curveParameters(curveOf(info, name), name);
        ECPrivateKey sec1 = sec1Of(info, name);
        BigInteger d = sec1.getKey();
        if (d.signum() <= 0 || d.compareTo(curve.getN()) >= 0) {
            throw new ModelKitException("damaged private key in " + name + ": the scalar is outside the curve's range");
        }
        ASN1BitString embedded = sec1.getPublicKey();
        if (embedded != null && !samePoint(curve, embedded, multiply(curve, d))) {
            throw new ModelKitException("damaged private key in " + name + ": its embedded public key does not belong to it");
        }
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new ModelKitException("malformed private key in " + name + ": not a valid EC private key");
        }
    }

    /** PKCS#8 DER for the SEC1 ({@code EC PRIVATE KEY}) {@code der}, which must name its curve. */
    static byte[] sec1ToPkcs8(byte[] der, String name) {
        ECPrivateKey sec1;
        try {
            sec1 = ECPrivateKey.getInstance(der);
        } catch (IllegalArgumentException e) {
            throw new ModelKitException("malformed EC PRIVATE KEY in " + name + ": not a SEC1 ECPrivateKey structure");
        }
        if (!(sec1.getParametersObject() instanceof ASN1ObjectIdentifier curve)) {
            throw new ModelKitException("unsupported EC PRIVATE KEY in " + name + ": it does not name its curve");
        }
        try {
            return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), sec1).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("encoding to memory cannot fail", e);
        }
    }

    /** The public half of {@code key}: d·G on the key's named curve. */
    static PublicKey publicOf(PrivateKey key) {
        PrivateKeyInfo info = pkcs8Info(key.getEncoded(), "the private key");
        ASN1ObjectIdentifier curveOid = curveOf(info, "the private key");
        ECPoint q = multiply(curveParameters(curveOid, "the private key"), sec1Of(info, "the private key").getKey());
        try {
            byte[] spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curveOid),
                    q.getEncoded(false)).getEncoded();
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("a point computed on a named curve is a valid public key", e);
        }
    }

    /** A readable name for the key algorithm {@code oid}, or the OID itself. */
    static String algorithmName(ASN1ObjectIdentifier oid) {
        return ALGORITHM_NAMES.getOrDefault(oid.getId(), "OID " + oid.getId());
    }

    private static boolean samePoint(X9ECParameters curve, ASN1BitString encoded, ECPoint point) {
        try {
            return curve.getCurve().decodePoint(encoded.getOctets()).normalize().equals(point);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return false;
        }
    }

    private static PrivateKeyInfo pkcs8Info(byte[] der, String name) {
        PrivateKeyInfo info;
        try {
            info = PrivateKeyInfo.getInstance(der);
        } catch (IllegalArgumentException e) {
            throw new ModelKitException("malformed private key in " + name + ": not a PKCS#8 PrivateKeyInfo structure");
        }
        ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            throw new ModelKitException("unsupported private key in " + name + ": expected an EC (ECDSA) key, found "
                    + algorithmName(algorithm));
        }
        return info;
    }

    private static ECPrivateKey sec1Of(PrivateKeyInfo info, String name) {
        try {
            return ECPrivateKey.getInstance(info.parsePrivateKey());
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelKitException("malformed private key in " + name + ": the EC key inside PKCS#8 is not SEC1");
        }
    }

    private static ASN1ObjectIdentifier curveOf(PrivateKeyInfo info, String name) {
        if (info.getPrivateKeyAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve) {
            return curve;
        }
        throw new ModelKitException("unsupported private key in " + name + ": it does not name its curve");
    }

    private static X9ECParameters curveParameters(ASN1ObjectIdentifier curve, String name) {
        X9ECParameters parameters = ECNamedCurveTable.getByOID(curve);
        if (parameters == null) {
            throw new ModelKitException("unsupported private key in " + name + ": unknown curve " + curve.getId());
        }
        return parameters;
    }

    private static ECPoint multiply(X9ECParameters curve, BigInteger d) {
        return new FixedPointCombMultiplier().multiply(curve.getG(), d).normalize();
    }
}
