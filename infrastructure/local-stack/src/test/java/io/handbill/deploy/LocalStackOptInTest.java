package io.handbill.deploy;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README promises that plain {@code mvn -B verify} runs the integration tests on the embedded emulators only,
 * and that the LocalStack run is opt-in ({@code -Plocalstack}): no build may run a LocalStack execution outside
 * that profile.
 */
class LocalStackOptInTest {

    @Test
    void localStackExecutions_existOnlyInsideTheLocalstackProfile() throws Exception {
        List<String> outside = new ArrayList<>();
        List<String> inside = new ArrayList<>();
        for (Path pom : poms()) {
            NodeList backends = parse(pom).getElementsByTagName("handbill.backend");
            for (int i = 0; i < backends.getLength(); i++) {
                Node backend = backends.item(i);
                String where = Repo.ROOT.relativize(pom) + ": " + backend.getTextContent().strip();
                if ("localstack".equals(enclosingProfileId(backend))) {
                    inside.add(where);
                } else {
                    outside.add(where);
                }
            }
        }
        assertThat(outside).as("LocalStack executions that plain `mvn verify` runs").isEmpty();
        assertThat(inside).as("the opt-in LocalStack executions").isNotEmpty();
    }

    @Test
    void readme_namesTheProfile() throws Exception {
        assertThat(Files.readString(Repo.ROOT.resolve("README.md"))).contains("-Plocalstack");
    }

    private static String enclosingProfileId(Node node) {
        for (Node n = node.getParentNode(); n != null; n = n.getParentNode()) {
            if (n.getNodeName().equals("profile")) {
                for (Node child = n.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child.getNodeName().equals("id")) {
                        return child.getTextContent().strip();
                    }
                }
            }
        }
        return null;
    }

    private static List<Path> poms() throws Exception {
        try (Stream<Path> files = Files.walk(Repo.ROOT)) {
            return files.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .toList();
        }
    }

    private static Document parse(Path pom) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }
}
