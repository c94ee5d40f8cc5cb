package io.ysql.integration.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An author whose id the server assigns (an identity column), with a UUID bound as {@code uuid}. */
@Entity
@Table(name = "fwb_hib_author")
public class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "external_id", nullable = false)
    private UUID externalId;

    protected Author() {}

    public Author(String name, UUID externalId) {
        this.name = name;
        this.externalId = externalId;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public UUID getExternalId() { return externalId; }
}
