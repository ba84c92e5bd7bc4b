package dev.pitwall.telemetry;

import java.io.ByteArrayOutputStream;

/**
 * Wraps a PKCS#1 RSA private key (the PEM GitHub issues for an App) into the PKCS#8 structure the
 * JDK's key factory reads (RFC 5208: version 0, the rsaEncryption algorithm, the key as an octet
 * string). The JDK reads no PKCS#1, and this one fixed DER envelope spares a cryptography library.
 */
final class Pkcs8 {

    /** AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

    private Pkcs8() {
    }

    static byte[] wrapRsa(byte[] pkcs1) {
        byte[] key = tagged(0x04, pkcs1);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(VERSION_0);
        content.writeBytes(RSA_ALGORITHM);
        content.writeBytes(key);
        return tagged(0x30, content.toByteArray());
    }

    /** A DER element: tag, definite length (short or long form), content. */
    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((length >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
