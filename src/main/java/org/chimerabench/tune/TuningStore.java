package org.chimerabench.tune;

import java.util.Map;
import org.chimerabench.notify.Notice;
import org.chimerabench.notify.NoticeKind;
import org.chimerabench.notify.Notifier;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes tunings and their state (JSON), each write in its own transaction. */
@Component
class TuningStore {

    private final TuningRepository tunings;
    private final ObjectMapper json;
    private final Notifier notifier;

    TuningStore(TuningRepository tunings, ObjectMapper json, Notifier notifier) {
        this.tunings = tunings;
        this.json = json;
        this.notifier = notifier;
    }

    @Transactional(readOnly = true)
    Optional<Tuning> find(long id) {
        return tunings.findById(id);
    }

    @Transactional(readOnly = true)
    List<Tuning> all() {
        return tunings.findAllByOrderByIdDesc();
    }

    @Transactional
    Tuning create(ValidTuning valid, TuningRequest request, String owner) {
        return tunings.save(new Tuning(valid.endpoint().name(), valid.model(), valid.objective(), write(request),
                write(TuningState.start()), owner));
    }

    /** Stores the tuning's new state; false (nothing stored) when it was cancelled meanwhile — the cancel wins. */
    @Transactional
    boolean save(long id, Tuning.Status status, String message, TuningState state) {
        Tuning tuning = tunings.findById(id).orElseThrow();
        if (!tuning.getStatus().active()) {
            return false;
        }
        tuning.update(status, message, write(state));
        if (!status.active()) {
            ended(tuning, status, message);
        }
        return true;
    }

    @Transactional
    void fail(long id, String message) {
        tunings.findById(id).filter(t -> t.getStatus().active()).ifPresent(t -> {
            t.update(Tuning.Status.FAILED, message, t.getState());
            ended(t, Tuning.Status.FAILED, message);
        });
    }

    /** Tells the owner, if they subscribed (MY_TUNING_ENDED), that their tuning finished or failed. */
    private void ended(Tuning tuning, Tuning.Status status, String message) {
        if (tuning.getCreatedBy() != null) {
            notifier.send(new Notice(NoticeKind.MY_TUNING_ENDED, "Tuning of " + tuning.getModel() + " on "
                    + tuning.getEndpoint() + (status == Tuning.Status.FINISHED ? " finished" : " failed"),
                    message == null ? "" : message, "/tunings/" + tuning.getId(), tuning.getCreatedBy(),
                    Map.of("tuningId", tuning.getId(), "status", status.name())));
        }
    }

    @Transactional
    boolean cancel(long id, String message) {
        Optional<Tuning> tuning = tunings.findById(id).filter(t -> t.getStatus().active());
        tuning.ifPresent(t -> t.update(Tuning.Status.CANCELLED, message, t.getState()));
        return tuning.isPresent();
    }

    TuningState state(Tuning tuning) {
        return read(tuning.getState(), TuningState.class);
    }

    TuningRequest request(Tuning tuning) {
        return read(tuning.getRequest(), TuningRequest.class);
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored tuning could not be read: " + e.getOriginalMessage(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
