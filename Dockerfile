# Builds the newsflow command and runs it on a JRE. Used by docker-compose.yml for ingest, enrich and sink.
# Base images are pinned to exact versions; the dependency layer is built from the pom files alone, so editing
# sources does not download Maven Central again.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY events/pom.xml events/
COPY ingest/pom.xml ingest/
COPY enrich/pom.xml enrich/
COPY sink/pom.xml sink/
COPY trends/pom.xml trends/
COPY runtime/pom.xml runtime/
COPY tools/pom.xml tools/
COPY app/pom.xml app/
# Dependency layer: cached until a pom changes. Sibling modules are not built yet, so resolve third-party
# artifacts only.
RUN mvn -B -q dependency:go-offline -DexcludeGroupIds=io.newsflow || true
COPY events/src events/src
COPY ingest/src ingest/src
COPY enrich/src enrich/src
COPY sink/src sink/src
COPY trends/src trends/src
COPY runtime/src runtime/src
COPY tools/src tools/src
COPY app/src app/src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17.0.13_11-jre-jammy
WORKDIR /opt/newsflow
COPY --from=build /src/app/target/newsflow.jar /opt/newsflow/newsflow.jar
COPY --from=build /src/app/target/lib /opt/newsflow/lib
# Kafka Streams state (enrich's dedup store) under /data/state/<application.id>: the system user has no home.
RUN useradd --system --uid 10001 newsflow && mkdir -p /data/out /data/state && chown newsflow /data/out /data/state
ENV NEWSFLOW_STATE_DIR=/data/state
USER newsflow
ENTRYPOINT ["java", "-jar", "/opt/newsflow/newsflow.jar"]
CMD ["--help"]
