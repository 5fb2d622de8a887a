package dev.supportgraph.agent;

import dev.supportgraph.graph.CustomerSees;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A staff person as their token names them; written only by {@link AgentDirectory}'s upsert.
 * Portal users never see agents (nor who works on their tickets).
 */
@Entity
@Table(name = "agent")
@CustomerSees(CustomerSees.NOTHING)
public class Agent {

    @Id
    public Long id;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String name;

    public String email;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
