package io.ysql.integration.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A book whose id comes from a sequence Hibernate reads ahead of the insert, with columns of the
 * usual JDBC types: text, integer, numeric, date, timestamptz, boolean, and a link to its author.
 */
@Entity
@Table(name = "fwb_hib_book")
public class Book {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fwb_hib_book_gen")
    @SequenceGenerator(name = "fwb_hib_book_gen", sequenceName = "fwb_hib_book_seq", allocationSize = 5)
    private Long id;

    @Column(nullable = false)
    private String title;

    private int pages;

    @Column(precision = 10, scale = 2)
    private BigDecimal price;

    private LocalDate published;

    @Column(name = "added_at")
    private Instant addedAt;

    @Column(name = "in_print")
    private boolean inPrint;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Author author;

    protected Book() {}

    public Book(String title, int pages, BigDecimal price, LocalDate published, Author author) {
        this.title = title;
        this.pages = pages;
        this.price = price;
        this.published = published;
        this.author = author;
        this.addedAt = Instant.parse("2026-01-02T03:04:05.123456Z");
        this.inPrint = true;
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public int getPages() { return pages; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public LocalDate getPublished() { return published; }
    public Instant getAddedAt() { return addedAt; }
    public boolean isInPrint() { return inPrint; }
    public void setInPrint(boolean inPrint) { this.inPrint = inPrint; }
    public Author getAuthor() { return author; }
}
