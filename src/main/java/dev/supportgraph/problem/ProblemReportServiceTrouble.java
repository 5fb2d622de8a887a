package dev.supportgraph.problem;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** The link table problem report <-> service trouble, mapped so HQL can join through it. */
@Entity
@Table(name = "problem_report_service_trouble")
@IdClass(ProblemReportServiceTrouble.Key.class)
public class ProblemReportServiceTrouble {

    @Id
    @Column(name = "problem_report_id")
    public long problemReportId;

    @Id
    @Column(name = "service_trouble_id")
    public long serviceTroubleId;

    public record Key(long problemReportId, long serviceTroubleId) implements Serializable {
    }
}
