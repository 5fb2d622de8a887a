package dev.supportgraph.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Order handling policy (env: SUPPORTGRAPH_ORDERS_*). */
@ConfigMapping(prefix = "supportgraph.orders")
public interface OrderPolicy {

    /** Customers whose credit rating is below this get their new orders rejected (credit check). */
    @WithDefault("400")
    int minCreditRating();
}
