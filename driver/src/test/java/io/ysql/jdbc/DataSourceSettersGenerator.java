package io.ysql.jdbc;

import io.ysql.config.ConnectionOption;
import io.ysql.config.ConnectionOption.Status;
import io.ysql.config.OptionType;
import io.ysql.config.Options;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates {@code YsqlDataSourceSetters.java}, the JavaBeans properties of {@link YsqlDataSource}:
 * one {@code setXxx}/{@code getXxx} pair per supported option declared in {@link Options}, named in
 * lowerCamelCase after the option, except that host, port and dbname take JDBC's standard
 * {@code DataSource} names serverName, portNumber and databaseName. Booleans become
 * {@code boolean}, seconds and integers {@code int}, everything else {@code String} (the text the
 * option parses). The file is checked in; {@code YsqlDataSourceSettersTest} fails when it is stale.
 */
final class DataSourceSettersGenerator {
    /** The command that regenerates the checked-in file. */
    static final String REGENERATE =
            "mvn -q -pl driver test -Dtest=YsqlDataSourceSettersTest -Dysql.regenerate=true";
    /** The generated file, relative to the driver module. */
    static final Path FILE = Path.of("src/main/java/io/ysql/jdbc/YsqlDataSourceSetters.java");

    private static final Map<String, String> STANDARD_NAMES = Map.of(
            "host", "serverName", "port", "portNumber", "dbname", "databaseName");
    private static final int WIDTH = 100;

    /** How a bean property carries an option's value. */
    enum Kind {
        TEXT("String"), FLAG("boolean"), INTEGER("int"), SECONDS("int"), PORT("int");

        final String javaType;

        Kind(String javaType) {
            this.javaType = javaType;
        }
    }

    /** One generated property. */
    record Property(String name, Kind kind, String field, ConnectionOption<?> option) {
        String capitalized() {
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
    }

    private DataSourceSettersGenerator() {}

    /** The properties, in the order of {@link Options#all()}. */
    static List<Property> properties() {
        Map<ConnectionOption<?>, String> fields = fieldNames();
        List<Property> out = new ArrayList<>();
        for (ConnectionOption<?> o : Options.all()) {
            if (o.status() != Status.SUPPORTED) continue;
            out.add(new Property(propertyName(o.name()), kind(o), fields.get(o), o));
        }
        return List.copyOf(out);
    }

    /** The bean property name of an option: a standard JDBC name, or the option's name in lowerCamelCase. */
    static String propertyName(String optionName) {
        String standard = STANDARD_NAMES.get(optionName);
        if (standard != null) return standard;
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : optionName.toCharArray()) {
            if (c == '_' || c == '-') {
                upper = sb.length() > 0;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    static Kind kind(ConnectionOption<?> o) {
        if (o == Options.PORT) return Kind.PORT;
        OptionType<?> t = o.type();
        String d = t.description();
        if (t == OptionType.BOOLEAN || d.startsWith("a boolean")) return Kind.FLAG;
        if (d.startsWith("a whole number of seconds")) return Kind.SECONDS;
        if (d.startsWith("an integer from")) return Kind.INTEGER;
        return Kind.TEXT;
    }

    /** The whole generated source file. */
    static String source() {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                // Generated from io.ysql.config.Options by io.ysql.jdbc.DataSourceSettersGenerator
                // (driver/src/test/java); do not edit. Regenerate:
                //   %s
                package io.ysql.jdbc;

                import io.ysql.config.ConnectionOption;
                import io.ysql.config.Options;
                import java.time.Duration;
                import java.util.List;

                /**
                 * The JavaBeans properties of {@link YsqlDataSource}, one per supported connection option, so
                 * that pools and containers can configure it by property name ({@code serverName},
                 * {@code portNumber}, {@code databaseName}, {@code user}, {@code password}, {@code sslmode} …).
                 * A setter validates its value at once and throws {@link IllegalArgumentException} with the
                 * configuration's message when it is bad; a getter returns the value set, else, for numbers
                 * and booleans, the option's default (text properties that are not set return {@code null}).
                 */
                public abstract class YsqlDataSourceSetters {
                    YsqlDataSourceSetters() {}

                    /** Sets an option's value as text (validated), or removes it when {@code text} is null. */
                    abstract void set(ConnectionOption<?> option, String text);

                    /** The option's value as text, or {@code null} when it is not set. */
                    abstract String value(ConnectionOption<?> option);
                """.formatted(REGENERATE));
        for (Property p : properties()) {
            sb.append('\n');
            accessors(sb, p);
        }
        sb.append("""

                    private <T> T typed(ConnectionOption<T> option) {
                        String text = value(option);
                        if (text == null || text.isEmpty()) text = option.defaultText().orElse(null);
                        return text == null ? null : option.type().parse(text);
                    }

                    private boolean flag(ConnectionOption<Boolean> option) {
                        return Boolean.TRUE.equals(typed(option));
                    }

                    private int integer(ConnectionOption<Integer> option) {
                        Integer v = typed(option);
                        return v == null ? 0 : v;
                    }

                    private int seconds(ConnectionOption<Duration> option) {
                        Duration v = typed(option);
                        return v == null ? 0 : (int) v.getSeconds();
                    }

                    private int firstPort(ConnectionOption<List<Integer>> option) {
                        List<Integer> v = typed(option);
                        return v == null || v.isEmpty() ? 0 : v.get(0);
                    }
                }
                """);
        return sb.toString();
    }

    /** Writes the generated file under the driver module directory given as argument (default: the current one). */
    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "."));
    }

    /** Writes the generated file under {@code driverDir}. */
    static void write(Path driverDir) throws IOException {
        Files.writeString(driverDir.resolve(FILE), source(), StandardCharsets.UTF_8);
    }

    /** Whether the file under {@code driverDir} is missing or differs from what would be generated. */
    static boolean stale(Path driverDir) throws IOException {
        Path file = driverDir.resolve(FILE);
        return !Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(source());
    }

    private static void accessors(StringBuilder sb, Property p) {
        ConnectionOption<?> o = p.option();
        String type = p.kind().javaType;
        String doc = "Option {@code " + o.name() + "}: " + escape(o.doc())
                + (o.secret() ? " Secret: never shown by {@code toString}." : "");
        javadoc(sb, doc);
        String text = switch (p.kind()) {
            case TEXT -> "value";
            case FLAG -> "Boolean.toString(value)";
            case INTEGER, SECONDS, PORT -> "Integer.toString(value)";
        };
        sb.append("    public void set").append(p.capitalized()).append('(').append(type).append(" value) {\n")
                .append("        set(Options.").append(p.field()).append(", ").append(text).append(");\n")
                .append("    }\n\n");
        javadoc(sb, "The value of option {@code " + o.name() + "}; see {@link #set" + p.capitalized() + "}.");
        String get = switch (p.kind()) {
            case TEXT -> "value";
            case FLAG -> "flag";
            case INTEGER -> "integer";
            case SECONDS -> "seconds";
            case PORT -> "firstPort";
        };
        sb.append("    public ").append(type).append(' ').append(p.kind() == Kind.FLAG ? "is" : "get")
                .append(p.capitalized()).append("() {\n")
                .append("        return ").append(get).append("(Options.").append(p.field()).append(");\n")
                .append("    }\n");
    }

    private static void javadoc(StringBuilder sb, String text) {
        String indent = "    ";
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && indent.length() + 3 + line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        lines.add(line.toString());
        if (lines.size() == 1 && indent.length() + 7 + lines.get(0).length() <= WIDTH) {
            sb.append(indent).append("/** ").append(lines.get(0)).append(" */\n");
            return;
        }
        sb.append(indent).append("/**\n");
        for (String l : lines) sb.append(indent).append(" * ").append(l).append('\n');
        sb.append(indent).append(" */\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                .replace("*/", "*&#47;");
    }

    private static Map<ConnectionOption<?>, String> fieldNames() {
        Map<ConnectionOption<?>, String> m = new IdentityHashMap<>();
        for (Field f : Options.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConnectionOption.class) {
                try {
                    m.put((ConnectionOption<?>) f.get(null), f.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return m;
    }
}
