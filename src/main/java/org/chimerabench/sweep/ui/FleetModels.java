package org.chimerabench.sweep.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chimerabench.endpoint.EndpointStatus;
import org.chimerabench.endpoint.EndpointView;

/** The models a sweep can use on the chosen endpoints. */
final class FleetModels {

    private FleetModels() {
    }

    /** The models installed on every chosen endpoint (a fleet must run the same model everywhere). */
    static List<String> common(Set<EndpointView> chosen) {
        List<String> common = null;
        for (EndpointView e : chosen) {
            List<String> names = e.models().stream().map(EndpointStatus.InstalledModel::name).toList();
            common = common == null ? new ArrayList<>(names) : new ArrayList<>(common.stream()
                    .filter(names::contains).toList());
        }
        return common == null ? List.of() : common;
    }

}
