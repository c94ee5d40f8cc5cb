package io.ysql.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a block into one Java compilation unit: package {@code docs.sampleN}, a fixed list of
 * imports plus the block's own import lines, then class {@code Sample} whose static method
 * {@code run} takes the block's context variables as parameters, declares {@code throws
 * Exception} and holds the block's statements; then, as top-level types, the declaration blocks
 * of the same page that come before it. A declaration block is itself placed at top level.
 */
final class SampleSource {
    static final String CLASS = "Sample";
    static final String METHOD = "run";
    private static final List<String> IMPORTS = List.of("io.ysql.*", "io.ysql.config.*", "io.ysql.jdbc.*",
            "io.ysql.types.*", "java.io.*", "java.math.*", "java.nio.charset.StandardCharsets", "java.nio.file.*",
            "java.sql.*", "java.time.*", "java.util.List", "java.util.Map", "java.util.Optional", "java.util.Set",
            "java.util.ArrayList", "java.util.HashMap");

    private SampleSource() {}

    /** The package of the {@code index}-th block. */
    static String packageName(int index) {
        return "docs.sample" + index;
    }

    /**
     * @param sample the block
     * @param index the block's position among all blocks, which names its package
     * @param declarations the declaration blocks of the same page above it
     */
    static String of(DocSample sample, int index, List<DocSample> declarations) {
        List<String> imports = new ArrayList<>();
        for (String i : IMPORTS) imports.add("import " + i + ";");
        StringBuilder top = new StringBuilder();
        for (DocSample d : declarations) top.append(withoutImports(d.code(), imports)).append('\n');
        String body = withoutImports(sample.code(), imports);
        String params = sample.context().stream().map(v -> v.type() + " " + v.name()).collect(Collectors.joining(", "));
        StringBuilder unit = new StringBuilder();
        unit.append("package ").append(packageName(index)).append(";\n");
        imports.stream().distinct().forEach(i -> unit.append(i).append('\n'));
        unit.append("// ").append(sample.where()).append('\n');
        unit.append("public final class ").append(CLASS).append(" {\n");
        if (sample.kind() == DocSample.Kind.DECLARATIONS) {
            unit.append("}\n").append(top).append(body);
        } else {
            unit.append("    public static void ").append(METHOD).append("(").append(params)
                    .append(") throws Exception {\n").append(body).append("    }\n}\n").append(top);
        }
        return unit.toString();
    }

    /** The first line of the block's code in the unit {@link #of} makes, for mapping compiler lines back. */
    static long firstCodeLine(String unit, DocSample sample) {
        String[] lines = unit.split("\n", -1);
        String firstCode = sample.code().lines().filter(l -> !l.startsWith("import ")).findFirst().orElse("");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals(firstCode)) return i + 1;
        }
        return -1;
    }

    /** The code with its import lines moved to {@code imports}. */
    private static String withoutImports(String code, List<String> imports) {
        StringBuilder out = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            if (line.startsWith("import ")) {
                imports.add(line.trim());
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
