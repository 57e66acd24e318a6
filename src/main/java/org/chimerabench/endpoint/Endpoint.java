package org.chimerabench.endpoint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An Ollama server base URL, or the built-in simulator. */
@Entity
@Table(name = "endpoint")
public class Endpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "base_url", nullable = false)
    private String baseUrl;

    private String notes;

    @Column(name = "server_settings")
    private String serverSettings;

    @Column(nullable = false)
    private boolean simulated;

    @Column(nullable = false)
    private boolean allowed = true;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();

    protected Endpoint() {
    }

    public Endpoint(String name, String baseUrl, String notes, boolean simulated) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.notes = notes;
        this.simulated = simulated;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getServerSettings() {
        return serverSettings;
    }

    public void setServerSettings(String serverSettings) {
        this.serverSettings = serverSettings;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public boolean isSimulated() {
        return simulated;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
