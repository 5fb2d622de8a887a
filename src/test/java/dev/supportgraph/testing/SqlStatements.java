package dev.supportgraph.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import java.util.function.Supplier;

/**
 * Counts the SQL statements Hibernate prepares (statistics are on in the test profile), to prove
 * that a query's statements are bounded by its depth, not by the sizes of its lists, and the JTA
 * transactions it ran (each a BEGIN/COMMIT pair on the connection).
 */
@ApplicationScoped
public class SqlStatements {

    @Inject
    EntityManagerFactory factory;

    /** Runs {@code action} and returns how many statements it prepared. */
    public long count(Runnable action) {
        Statistics statistics = factory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        action.run();
        return statistics.getPrepareStatementCount();
    }

    public <T> Counted<T> count(Supplier<T> action) {
        Statistics statistics = factory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        T result = action.get();
        return new Counted<>(result, statistics.getPrepareStatementCount(), statistics.getTransactionCount());
    }

    public record Counted<T>(T result, long statements, long transactions) {
    }
}
