package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaults() {
        PgCluster.Settings settings = PgCluster.Settings.defaults();
        assertThat(settings.port()).isZero();
        assertThat(settings.superuser()).isEqualTo("yugabyte");
        assertThat(settings.superuserPassword()).isEqualTo("yugabyte");
        assertThat(settings.database()).isEqualTo("yugabyte");
        assertThat(settings.passwordEncryption()).isEqualTo("scram-sha-256");
        assertThat(settings.createAuthRoles()).isTrue();
        assertThat(settings.extraConf()).isEmpty();
        assertThat(settings.extraHba()).isEmpty();
        assertThat(settings.listenAddresses()).startsWith("127.0.0.1");
        assertThat(settings.listenAddresses().contains("::1")).isEqualTo(Loopback.hasIpv6());
        assertThat(settings.ssl()).isFalse();
        assertThat(settings.sslCert()).isNull();
        assertThat(settings.hbaMode()).isEqualTo(HbaMode.ANY);
        assertThat(settings.sslCrl()).isFalse();
        assertThat(settings.tlsRoles()).isEmpty();
    }

    @Test
    void tlsRolesComeWithTlsAndAuthRoles() {
        PgCluster.Settings tls = PgCluster.Settings.builder().ssl(ServerCertKind.EXPIRED).build();
        assertThat(tls.ssl()).isTrue();
        assertThat(tls.tlsRoles()).containsExactlyInAnyOrder(TlsRole.CERT, TlsRole.CERT_SCRAM);
        assertThat(tls.toBuilder().createAuthRoles(false).build().tlsRoles()).isEmpty();
        assertThat(tls.toString()).contains("sslCert=EXPIRED", "hbaMode=ANY");
    }

    @Test
    void toStringHidesThePassword() {
        PgCluster.Settings settings = PgCluster.Settings.builder().superuserPassword("hunter2").build();
        assertThat(settings.toString()).doesNotContain("hunter2").contains("superuserPassword=***");
    }

    @Test
    void toBuilderRoundTrips() {
        PgCluster.Settings settings = PgCluster.Settings.builder().port(6000).superuser("a").superuserPassword("b")
                .database("c").passwordEncryption("md5").addConfLine("x = 1").addHbaLine("local all all reject")
                .listenAddresses(List.of("::1")).createAuthRoles(false)
                .ssl(ServerCertKind.WILDCARD).hbaMode(HbaMode.SSL_ONLY).sslCrl(true).build();
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> PgCluster.Settings.builder().port(70_000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> PgCluster.Settings.builder().passwordEncryption("plain").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scram-sha-256");
        assertThatThrownBy(() -> PgCluster.Settings.builder().superuser(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("superuser");
        assertThatThrownBy(() -> PgCluster.Settings.builder().addConfLine("a = 1\nb = 2").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single lines");
        assertThatThrownBy(() -> PgCluster.Settings.builder().listenAddresses(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listenAddresses");
        assertThatThrownBy(() -> PgCluster.Settings.builder().hbaMode(HbaMode.SSL_ONLY).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SSL_ONLY");
        assertThatThrownBy(() -> PgCluster.Settings.builder().sslCrl(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sslCrl");
        assertThatThrownBy(() -> PgCluster.Settings.builder().hbaMode(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("hbaMode");
    }
}
