package dev.supportgraph.testing;

import javax.sql.DataSource;
import java.util.UUID;

/** Rows the lifecycle tests start from, inserted with SQL (unique account numbers per call). */
public final class Fixtures {

    private Fixtures() {
    }

    public static long customer(DataSource ds, int creditRating) {
        return Sql.exec(ds, """
                insert into customer (account_number, name, segment, credit_rating)
                values (?, 'Lifecycle Test Ltd', 'ENTERPRISE', ?) returning id""",
                "LC-" + UUID.randomUUID(), creditRating);
    }

    public static long contact(DataSource ds, long customerId) {
        return Sql.exec(ds, "insert into contact (customer_id, name, role) values (?, 'Pat Portal', 'admin') returning id",
                customerId);
    }
}
