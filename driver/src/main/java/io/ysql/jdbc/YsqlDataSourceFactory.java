package io.ysql.jdbc;

import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.Supplier;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.RefAddr;
import javax.naming.Reference;
import javax.naming.spi.ObjectFactory;

/**
 * The JNDI {@link ObjectFactory} of this driver's data sources: turns the {@link Reference} that
 * {@link YsqlDataSource#getReference()} (or a container's configuration) gives back into a
 * {@link YsqlDataSource}, {@link YsqlConnectionPoolDataSource} or {@link YsqlXADataSource}. The
 * address {@code url} sets the base URL; every other address is an option by any of its names
 * ({@code serverName}, {@code databaseName}, {@code sslmode} …). Only these three classes are made,
 * whatever the reference names; a reference to anything else gives null, as JNDI expects.
 */
public class YsqlDataSourceFactory implements ObjectFactory {
    private static final Map<String, Supplier<YsqlDataSource>> CLASSES = Map.of(
            YsqlDataSource.class.getName(), YsqlDataSource::new,
            YsqlConnectionPoolDataSource.class.getName(), YsqlConnectionPoolDataSource::new,
            YsqlXADataSource.class.getName(), YsqlXADataSource::new);

    /** Address of the base URL in a reference; the other addresses are options. */
    static final String URL = "url";

    @Override
    public Object getObjectInstance(Object obj, Name name, Context context, Hashtable<?, ?> environment) {
        if (!(obj instanceof Reference ref)) return null;
        Supplier<YsqlDataSource> make = CLASSES.get(ref.getClassName());
        if (make == null) return null;
        YsqlDataSource ds = make.get();
        Enumeration<RefAddr> all = ref.getAll();
        while (all.hasMoreElements()) {
            RefAddr a = all.nextElement();
            Object value = a.getContent();
            if (value == null) continue;
            if (URL.equals(a.getType())) ds.setUrl(value.toString());
            else ds.setProperty(a.getType(), value.toString());
        }
        return ds;
    }
}
