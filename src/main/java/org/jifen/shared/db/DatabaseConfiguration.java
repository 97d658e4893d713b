package org.jifen.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Without {@code spring.datasource.url} (or {@code JIFEN_DB_URL}) the platform runs on an embedded PostgreSQL
 * whose data lives in {@code jifen.db.data-dir} (default {@code ./data/postgres}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DatabaseConfiguration.NoExternalDatabase.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource(
            @Value("${jifen.db.data-dir:./data/postgres}") Path dataDir,
            @Value("${jifen.db.port:0}") int port,
            @Value("${jifen.db.clean:false}") boolean clean,
            @Value("${jifen.db.pool-size:20}") int poolSize) {
        var pg = EmbeddedDatabase.start(dataDir, port, clean);
        var ds = new HikariDataSource() {
            @Override
            public void close() {
                super.close();
                EmbeddedDatabase.release(dataDir);
            }
        };
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("jifen-embedded");
        return ds;
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
