package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lifecycle the extensions share, over plain numbered resources: no server needed. */
class FixtureTest {
    private final AtomicInteger made = new AtomicInteger();
    private final List<String> log = new ArrayList<>();
    private final Fixture<Integer> recipe = new Fixture<>("counter", made::incrementAndGet, n -> log.add("close " + n));

    @Test
    void stepsRunInOrderAfterTheInstanceIsMade() {
        Fixture<Integer> fixture = recipe.then(n -> log.add("first " + n)).then(n -> log.add("second " + n));
        assertThatThrownBy(fixture::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("counter");
        fixture.start();
        assertThat(fixture.get()).isEqualTo(1);
        fixture.stop();
        fixture.stop();
        assertThat(log).containsExactly("first 1", "second 1", "close 1");
        assertThatThrownBy(fixture::get).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailingStepClosesTheInstanceAndIsThrown() {
        Fixture<Integer> fixture = recipe.then(n -> {
            throw new IllegalArgumentException("step failed");
        }).then(n -> log.add("never"));
        assertThatThrownBy(fixture::start).hasMessage("step failed");
        assertThat(log).containsExactly("close 1");
        assertThatThrownBy(fixture::get).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNewStartClosesTheOlderInstance() {
        recipe.start();
        recipe.start();
        assertThat(recipe.get()).isEqualTo(2);
        assertThat(log).containsExactly("close 1");
    }

    @Test
    void copiesAndDerivedRecipesRunInstancesOfTheirOwn() {
        Fixture<Integer> copy = recipe.copy();
        Fixture<Integer> derived = recipe.then(n -> log.add("set up " + n));
        recipe.start();
        copy.start();
        derived.start();
        assertThat(List.of(recipe.get(), copy.get(), derived.get())).containsExactly(1, 2, 3);
        copy.stop();
        assertThat(recipe.get()).isEqualTo(1);
        assertThat(log).containsExactly("set up 3", "close 2");
    }
}
