package org.chimerabench.endpoint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

/** Real Chromium: the built-in simulator shows as a reachable endpoint with its models. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AsAdmin
class EndpointsIT extends BrowserTest {

    @Test
    void simulatorIsUpWithItsModels() throws Exception {
        browser.get(url("/endpoints"));
        wait.until(driver -> driver.findElements(By.cssSelector(".endpoint-status.up")).stream()
                .anyMatch(e -> e.isDisplayed()));
        String grid = (String) script("return Array.from(document.querySelectorAll("
                + "'vaadin-grid.endpoints-grid vaadin-grid-cell-content')).map(c => c.textContent).join(' | ');");
        assertThat(grid).contains("Built-in simulator").contains("gemma3-sim:4b").contains("simulated");
        screenshot("endpoints.png");
    }
}
