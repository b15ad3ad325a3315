package io.modelkit.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request body read from a stream in 1 MiB buffers. The JDK's {@code ofInputStream} publisher
 * hands the HTTP client small buffers, one socket write each, which caps an upload of model
 * weights well below what the registry takes. The stream is closed once the body is complete,
 * failed or cancelled, never while a read is under way.
 */
final class ChunkedStreamPublisher implements Flow.Publisher<ByteBuffer> {
    private static final int CHUNK = 1 << 20;

    private final InputStream stream;

    ChunkedStreamPublisher(InputStream stream) {
        this.stream = stream;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        subscriber.onSubscribe(new Subscription(subscriber));
    }

    private final class Subscription implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicBoolean draining = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile boolean done;

        Subscription(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                finish(new IllegalArgumentException("non-positive request " + n));
                return;
            }
            demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            drain();
        }

        @Override
        public void cancel() {
            done = true;
            // a drain under way closes the stream when it stops; otherwise close it here
            if (draining.compareAndSet(false, true)) {
                try {
                    closeStream();
                } finally {
                    draining.set(false);
                }
            }
        }

        /** Emits while there is demand; a request made from inside onNext only raises the demand. */
        private void drain() {
            while (!done && demand.get() > 0 && draining.compareAndSet(false, true)) {
                try {
                    while (!done && demand.get() > 0) {
                        byte[] buffer = new byte[CHUNK];
                        int filled = fill(buffer);
                        if (filled > 0) {
                            demand.decrementAndGet();
                            subscriber.onNext(ByteBuffer.wrap(buffer, 0, filled));
                        }
                        if (filled < CHUNK) {
                            done = true;
                            subscriber.onComplete();
                        }
                    }
                } catch (UncheckedIOException e) {
                    finish(e.getCause());
                } finally {
                    if (done) {
                        closeStream();
                    }
                    draining.set(false);
                }
            }
        }

        private int fill(byte[] buffer) {
            int filled = 0;
            try {
                while (filled < buffer.length) {
                    int n = stream.read(buffer, filled, buffer.length - filled);
                    if (n < 0) {
                        break;
                    }
                    filled += n;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return filled;
        }

        private void finish(Throwable error) {
            if (!done) {
                done = true;
                subscriber.onError(error);
            }
            if (!draining.get()) {
                closeStream();
            }
        }

        private void closeStream() {
            if (closed.compareAndSet(false, true)) {
                try {
                    stream.close();
                } catch (IOException e) {
                    // the body is finished either way; a failed close loses nothing
                }
            }
        }
    }
}
