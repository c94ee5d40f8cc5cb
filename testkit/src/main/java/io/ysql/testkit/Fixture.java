package io.ysql.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the testkit's JUnit extensions share: one resource (a cluster, a proxy) that exists
 * between {@link #start()} and {@link #stop()}, set up by a list of steps right after it is made,
 * and stopped again when a step fails. Its recipe is immutable ({@link #then} returns a new one);
 * only the running instance changes, held atomically because JUnit may run callbacks and tests on
 * different threads (e.g. a preemptive timeout).
 */
final class Fixture<T> {
    private final String what;
    private final Supplier<T> maker;
    private final Consumer<T> closer;
    private final List<Consumer<T>> setup;
    private final AtomicReference<T> running = new AtomicReference<>();

    Fixture(String what, Supplier<T> maker, Consumer<T> closer) {
        this(what, maker, closer, List.of());
    }

    private Fixture(String what, Supplier<T> maker, Consumer<T> closer, List<Consumer<T>> setup) {
        this.what = Objects.requireNonNull(what, "what");
        this.maker = Objects.requireNonNull(maker, "maker");
        this.closer = Objects.requireNonNull(closer, "closer");
        this.setup = List.copyOf(setup);
    }

    /** The same recipe with one more setup step, run after the ones before it. */
    Fixture<T> then(Consumer<T> step) {
        List<Consumer<T>> more = new ArrayList<>(setup);
        more.add(Objects.requireNonNull(step, "step"));
        return new Fixture<>(what, maker, closer, more);
    }

    /** The same recipe, with no running instance of its own. */
    Fixture<T> copy() {
        return new Fixture<>(what, maker, closer, setup);
    }

    /**
     * The running instance.
     *
     * @throws IllegalStateException when none runs (before the start or after the stop)
     */
    T get() {
        T value = running.get();
        if (value == null) {
            throw new IllegalStateException("the " + what + " exists only during the tests of the class that"
                    + " registers its extension on a static field");
        }
        return value;
    }

    /** Makes the instance and runs the setup steps; stops it again when one fails. Replaces (and stops) an older one. */
    void start() {
        T value = Objects.requireNonNull(maker.get(), () -> "no " + what + " was made");
        stop();
        running.set(value);
        try {
            setup.forEach(step -> step.accept(value));
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    /** Stops the running instance, if any. Idempotent. */
    void stop() {
        T value = running.getAndSet(null);
        if (value != null) closer.accept(value);
    }
}
