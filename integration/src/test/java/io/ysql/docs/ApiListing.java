package io.ysql.docs;

import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a listing of public signatures against the classes: every type it declares exists in
 * the listing's package (or nested in a type listed before it), a record lists exactly its
 * components in order, and every method, constructor and constant it names is public on the type
 * it is listed under ({@code Type.method(...)} names another type). Parameter types are not
 * compared: the check catches renamed and removed API, not every overload.
 */
final class ApiListing {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*$");
    private static final Pattern TYPE = Pattern.compile("\\b(class|interface|record|enum)\\s+(\\w+)");
    private static final Pattern QUALIFIED_METHOD = Pattern.compile("\\b([A-Z]\\w*)\\.(\\w+)\\s*\\(");
    private static final Pattern METHOD = Pattern.compile("\\b(\\w+)\\s*\\(");
    private static final Pattern CONSTANT = Pattern.compile("\\bstatic\\s+final\\s+[\\w.<>, ?]+\\s+(\\w+)\\s*$");

    private ApiListing() {}

    /** The differences between the listing and the classes; empty when they agree. */
    static List<String> check(String listing) {
        String code = listing.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
        List<String> problems = new ArrayList<>();
        String pkg = null;
        List<Class<?>> types = new ArrayList<>();
        Class<?> current = null;
        for (String statement : code.split("[;{}]")) {
            String s = statement.replaceAll("\\s+", " ").trim();
            if (s.isEmpty()) continue;
            Matcher p = PACKAGE.matcher(s);
            if (p.matches()) {
                pkg = p.group(1);
                continue;
            }
            if (pkg == null) {
                problems.add("the listing names no package before: " + s);
                return problems;
            }
            Matcher t = TYPE.matcher(s);
            Matcher q = QUALIFIED_METHOD.matcher(s);
            Matcher c = CONSTANT.matcher(s);
            if (t.find()) {
                current = resolve(pkg, t.group(2), types);
                if (current == null) {
                    problems.add("no type " + pkg + "." + t.group(2));
                } else {
                    types.add(current);
                    if (t.group(1).equals("record")) problems.addAll(components(current, s, t.end()));
                }
            } else if (current == null) {
                problems.add("a member outside any type: " + s);
            } else if (q.find()) {
                Class<?> owner = resolve(pkg, q.group(1), types);
                if (owner == null || !hasMethod(owner, q.group(2))) problems.add("no method " + q.group(1) + "." + q.group(2));
            } else if (c.find()) {
                try {
                    if (!Modifier.isStatic(current.getField(c.group(1)).getModifiers())) {
                        problems.add(current.getSimpleName() + "." + c.group(1) + " is not static");
                    }
                } catch (NoSuchFieldException e) {
                    problems.add("no public field " + current.getSimpleName() + "." + c.group(1));
                }
            } else {
                Matcher m = METHOD.matcher(s);
                if (!m.find()) continue;
                String name = m.group(1);
                if (name.equals(current.getSimpleName())) {
                    if (current.getConstructors().length == 0) problems.add("no public constructor of " + name);
                } else if (!hasMethod(current, name)) {
                    problems.add("no public method " + current.getSimpleName() + "." + name);
                }
            }
        }
        if (types.isEmpty()) problems.add("the listing declares no type");
        return problems;
    }

    private static Class<?> resolve(String pkg, String name, List<Class<?>> known) {
        List<String> candidates = new ArrayList<>();
        candidates.add(pkg + "." + name);
        for (Class<?> k : known) candidates.add(k.getName() + "$" + name);
        for (String candidate : candidates) {
            try {
                return Class.forName(candidate, false, ApiListing.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                // try the next
            }
        }
        return null;
    }

    private static boolean hasMethod(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(name));
    }

    /** The record header's component names, compared with the record's, in order. */
    private static List<String> components(Class<?> type, String header, int from) {
        if (!type.isRecord()) return List.of(type.getName() + " is not a record");
        int open = header.indexOf('(', from);
        int close = header.lastIndexOf(')');
        if (open < 0 || close < open) return List.of("cannot read the components of record " + type.getSimpleName());
        List<String> listed = new ArrayList<>();
        int depth = 0;
        StringBuilder part = new StringBuilder();
        for (char ch : (header.substring(open + 1, close) + ",").toCharArray()) {
            if (ch == '<') depth++;
            if (ch == '>') depth--;
            if (ch == ',' && depth == 0) {
                String[] words = part.toString().trim().split(" ");
                listed.add(words[words.length - 1]);
                part.setLength(0);
            } else {
                part.append(ch);
            }
        }
        List<String> actual = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        return listed.equals(actual) ? List.of()
                : List.of("record " + type.getSimpleName() + " has components " + actual + ", the listing shows " + listed);
    }
}
