package dev.supportgraph.alarm;

import dev.supportgraph.graph.OrderDirection;
import dev.supportgraph.graph.Ordering;
import dev.supportgraph.graph.SortKey;

/** The order of alarm lists: the most recently raised first. */
record AlarmOrder() implements Ordering<Alarm> {

    static final AlarmOrder NEWEST_FIRST = new AlarmOrder();
    private static final SortKey<Alarm> RAISED_TIME = new SortKey<>("RAISED_TIME", "e.raisedTime", a -> a.raisedTime, SortKey.TIMESTAMP);

    @Override
    public SortKey<Alarm> sortKey() {
        return RAISED_TIME;
    }

    @Override
    public OrderDirection direction() {
        return OrderDirection.DESC;
    }
}
