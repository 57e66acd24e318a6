package org.chimerabench;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
import org.chimerabench.base.startup.StartupChecks;
import org.chimerabench.simulator.StandaloneSimulator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Chimera Bench: benchmark local LLM inference on Ollama from the browser. */
@SpringBootApplication
@Push
@Theme("chimera-bench")
public class Application implements AppShellConfigurator {

    /** The dashboard; with {@code --chimera.mode=simulator} only the standalone Ollama simulator. */
    public static void main(String[] args) throws InterruptedException {
        if (StandaloneSimulator.requested(args)) {
            StandaloneSimulator.run(args);
            return;
        }
        SpringApplication application = new SpringApplication(Application.class);
        application.addListeners(new StartupChecks()); // a user's mistakes, found before anything starts
        application.run(args);
    }
}
