package io.newsflow.tools.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.app.Newsflow;
import org.junit.jupiter.api.Test;

/** tools names the command's main class as a string (it cannot depend on app); this keeps the name true. */
class ChildProcessMainClassTest {
    @Test
    void childProcessLaunchesTheNewsflowCommand() {
        assertEquals(Newsflow.class.getName(), io.newsflow.tools.jvm.NewsflowJvm.MAIN_CLASS);
    }
}
