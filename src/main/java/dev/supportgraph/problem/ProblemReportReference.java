package dev.supportgraph.problem;

import java.util.function.Function;

/** The objects a problem report refers to, for the reverse edges (contact.reportedProblems, ...). */
enum ProblemReportReference {
    REPORTED_BY("e.reportedById", ProblemReportType::reportedByKey),
    RELATED_ORDER("e.relatedOrderId", ProblemReportType::relatedOrderKey),
    RELATED_SERVICE("e.relatedServiceId", ProblemReportType::relatedServiceKey),
    RELATED_INVOICE("e.relatedInvoiceId", ProblemReportType::relatedInvoiceKey);

    final String path;
    final Function<ProblemReportType, Long> key;

    ProblemReportReference(String path, Function<ProblemReportType, Long> key) {
        this.path = path;
        this.key = key;
    }
}
