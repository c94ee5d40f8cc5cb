package io.ysql.integration.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A label with a server-assigned identity id, for Hibernate's default way of reading such ids. */
@Entity
@Table(name = "fwb_hib_tag")
public class Tag {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String label;

    protected Tag() {}

    public Tag(String label) {
        this.label = label;
    }

    public Long getId() { return id; }
    public String getLabel() { return label; }
}
