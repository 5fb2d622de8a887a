package dev.supportgraph.problem;

import java.util.function.Function;

/** The objects a problem report refers to, for the reverse edges (contact.reportedProblems, ...). */
enum ProblemReportReference {
    REPORTED_BY("e.reportedById", p -> p.reportedById),
    RELATED_ORDER("e.relatedOrderId", p -> p.relatedOrderId),
    RELATED_SERVICE("e.relatedServiceId", p -> p.relatedServiceId),
    RELATED_INVOICE("e.relatedInvoiceId", p -> p.relatedInvoiceId);

    final String path;
    final Function<ProblemReport, Long> getter;

    ProblemReportReference(String path, Function<ProblemReport, Long> getter) {
        this.path = path;
        this.getter = getter;
    }
}
