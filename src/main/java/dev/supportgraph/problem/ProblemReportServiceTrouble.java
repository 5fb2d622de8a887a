package dev.supportgraph.problem;

import dev.supportgraph.persistence.LinkRow;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A problem report (from) isolated to a service trouble (to). */
@Entity
@Table(name = "problem_report_service_trouble")
@AttributeOverride(name = "fromId", column = @Column(name = "problem_report_id"))
@AttributeOverride(name = "toId", column = @Column(name = "service_trouble_id"))
public class ProblemReportServiceTrouble extends LinkRow {
}
