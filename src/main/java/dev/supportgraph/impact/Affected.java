package dev.supportgraph.impact;

/**
 * What a trouble affects, as SQL yielding {@code (trouble_id, service_id)} pairs for the troubles
 * bound to {@code :ids}. A resource trouble affects the active services running on its resource;
 * a service trouble the services linked to it.
 */
enum Affected {
    RESOURCE_TROUBLE("""
            select rt.id as trouble_id, s.id as service_id from resource_trouble rt
            join service_resource sr on sr.resource_id = rt.resource_id
            join service s on s.id = sr.service_id and s.state = 'ACTIVE'
            where rt.id = any(:ids)"""),
    SERVICE_TROUBLE("""
            select sts.service_trouble_id as trouble_id, sts.service_id from service_trouble_service sts
            where sts.service_trouble_id = any(:ids)""");

    final String pairs;

    Affected(String pairs) {
        this.pairs = pairs;
    }
}
