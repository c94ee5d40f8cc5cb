package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A query composed with {@link Sql} reaches the pipeline's placeholder scanner as the cursor's
 * does: a literal's or an identifier's {@code %} is doubled, so a value can never become a
 * placeholder and only the template's own {@code %s} and {@code %(name)s} are bound.
 */
class PipelineCompositionTest {

    /** Records the SQL text each execute receives. */
    private static final class RecordingPipeline implements Pipeline {
        final List<String> texts = new ArrayList<>();

        @Override public PipelineResult execute(String sql, Object... params) { texts.add(sql); return null; }
        @Override public PipelineResult execute(String sql, Map<String, ?> params) { texts.add(sql); return null; }
        @Override public void sync() {}
        @Override public int queued() { return texts.size(); }
        @Override public YsqlConnection connection() { return null; }
        @Override public boolean isClosed() { return false; }
        @Override public void close() {}
    }

    @Test
    void aLiteralsPercentIsNeverAPlaceholder() throws SQLException {
        RecordingPipeline p = new RecordingPipeline();
        p.execute(Sql.of("SELECT {}, {}, %s").format(Sql.literal("%s %(a)s"), Sql.identifier("100%")), "v");
        p.execute(Sql.of("SELECT {}, %(a)s").format(Sql.literal("%(a)s")), Map.of("a", "v"));
        assertThat(p.texts).containsExactly("SELECT '%%s %%(a)s', \"100%%\", %s", "SELECT '%%(a)s', %(a)s");
    }
}
