package io.ysql.config;

/**
 * One {@code name=value} pair as a connection string spelled it, before the name is matched to an
 * option and before the value is parsed. Values are secrets until proven otherwise, so this
 * record's {@code toString} shows only the name.
 */
record Setting(String name, String value) {
    @Override
    public String toString() {
        return name + "=…";
    }
}
