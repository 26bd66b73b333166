package dev.regionless.queues.engine;

import dev.regionless.queues.QueueErrors;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Receipt handles that cannot be forged: the queue's id, the message's number and its receive count, signed with
 * the store's secret key (HMAC-SHA256, truncated to 16 bytes). A handle names one receive of one message, so once
 * the message is received again, the older handle no longer matches it; a handle changed in any byte fails its
 * signature and is answered {@code ReceiptHandleIsInvalid}.
 */
final class ReceiptHandles {
    private static final int PAYLOAD = 8 + 8 + 4;
    private static final int SIGNATURE = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    /** Initialised MACs to reuse: making one costs more than signing, and each is for one thread at a time. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Mac> macs =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    ReceiptHandles(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** What a valid handle names. */
    record Receipt(long queueId, long messageNumber, int receiveCount) {}

    String issue(long queueId, long messageNumber, int receiveCount) {
        var payload = ByteBuffer.allocate(PAYLOAD + SIGNATURE)
                .putLong(queueId)
                .putLong(messageNumber)
                .putInt(receiveCount);
        payload.put(sign(Arrays.copyOf(payload.array(), PAYLOAD)));
        return ENCODER.encodeToString(payload.array());
    }

    /** The receipt a handle names, or {@code ReceiptHandleIsInvalid} if it was not issued by this store. */
    Receipt read(String handle) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(handle);
        } catch (IllegalArgumentException e) {
            throw QueueErrors.receiptHandleIsInvalid(handle);
        }
        if (bytes.length != PAYLOAD + SIGNATURE) {
            throw QueueErrors.receiptHandleIsInvalid(handle);
        }
        var payload = Arrays.copyOf(bytes, PAYLOAD);
        var signature = Arrays.copyOfRange(bytes, PAYLOAD, bytes.length);
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            throw QueueErrors.receiptHandleIsInvalid(handle);
        }
        var buffer = ByteBuffer.wrap(payload);
        return new Receipt(buffer.getLong(), buffer.getLong(), buffer.getInt());
    }

    private byte[] sign(byte[] payload) {
        var mac = macs.poll();
        try {
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
            }
            var signature = Arrays.copyOf(mac.doFinal(payload), SIGNATURE);
            macs.offer(mac);
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
