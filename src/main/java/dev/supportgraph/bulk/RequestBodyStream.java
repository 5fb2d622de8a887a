package dev.supportgraph.bulk;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A request body as a blocking stream for a worker thread, never held whole: the event loop
 * queues the chunks as they arrive and pauses the request while {@link #HIGH_WATER} chunks wait;
 * the reader resumes it once it has taken them down to {@link #LOW_WATER}. Memory stays at a few
 * chunks whatever the body's size.
 */
final class RequestBodyStream extends InputStream {

    private static final int HIGH_WATER = 16;
    private static final int LOW_WATER = 4;
    private static final Object END = new Object();

    private final HttpServerRequest request;
    private final Context context;
    private final BlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    /** Must be called on the request's event loop, before it has delivered any of the body. */
    RequestBodyStream(HttpServerRequest request, Context context) {
        this.request = request;
        this.context = context;
        request.handler(this::arrived);
        request.endHandler(v -> chunks.add(END));
        request.exceptionHandler(chunks::add);
    }

    private void arrived(Buffer chunk) {
        chunks.add(chunk.getBytes());
        if (chunks.size() >= HIGH_WATER) {
            request.pause();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == current.length) {
            if (ended || !next()) {
                return -1;
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, into, offset, n);
        position += n;
        return n;
    }

    /** Takes the next chunk; false at the end of the body. */
    private boolean next() throws IOException {
        Object chunk;
        try {
            chunk = chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while reading the request body");
        }
        if (chunks.size() <= LOW_WATER) {
            context.runOnContext(v -> request.resume());
        }
        if (chunk == END) {
            ended = true;
            return false;
        }
        if (chunk instanceof Throwable failure) {
            throw new IOException("The request body could not be read", failure);
        }
        current = (byte[]) chunk;
        position = 0;
        return true;
    }
}
