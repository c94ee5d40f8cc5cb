package io.ysql.docs;

import java.util.List;

/**
 * One {@code ```java} block of a Markdown page, with what the HTML comments right above its fence
 * say about it: how it is checked ({@link Kind}), SQL to run first, variables the test provides,
 * and the server it runs against.
 *
 * @param file the page, relative to the repository root, with {@code /} separators
 * @param line the 1-based line of the opening fence
 * @param code the block's text, without the fences
 * @param kind how the block is checked
 * @param reason why a block is not run (required for {@link Kind#COMPILE_ONLY}), else null
 * @param setup SQL run in the sample's fresh database before the block, or null
 * @param context the variables the block uses without declaring them, provided by the test
 * @param server the server the block runs against: {@link #POSTGRES}, {@link #YUGABYTE} (the fake
 *     cluster of the testkit) or {@link #PREPARED_TRANSACTIONS} (PostgreSQL with
 *     {@code max_prepared_transactions} set)
 */
record DocSample(String file, int line, String code, Kind kind, String reason, String setup,
                 List<Variable> context, String server) {
    static final String POSTGRES = "postgres";
    static final String YUGABYTE = "yugabyte";
    static final String PREPARED_TRANSACTIONS = "prepared-transactions";


    /** How a block is checked. */
    enum Kind {
        /** Compiled, then run: the default, no marker. */
        RUN,
        /** Compiled, not run: {@code <!-- sample: compile-only reason="..." -->}. */
        COMPILE_ONLY,
        /**
         * Type declarations that the later blocks of the same page use: compiled with each of them
         * ({@code <!-- sample: declarations -->}).
         */
        DECLARATIONS,
        /**
         * A listing of public signatures, which is not Java that compiles: each type and method it
         * names must exist ({@code <!-- sample: api -->}).
         */
        API
    }

    /** A variable of the {@code <!-- sample context: Type name, ... -->} marker. */
    record Variable(String type, String name) {}

    DocSample {
        context = List.copyOf(context);
    }

    /** The same block with other code: the code as run, its placeholders replaced. */
    DocSample withCode(String newCode) {
        return new DocSample(file, line, newCode, kind, reason, setup, context, server);
    }

    /** {@code file:line}, as a failure names the block. */
    String where() {
        return file + ":" + line;
    }

    /** Whether the block is marked, i.e. not simply run. */
    boolean marked() {
        return kind != Kind.RUN;
    }
}
