# Chimera Bench — container image (multi-stage).
#   docker build -t chimera-bench .
#   docker run -p 8080:8080 -v chimera-data:/app/data chimera-bench
# Not buildable on the project's CI machines (no Docker engine there); kept simple and correct by reading.

# --- build: the jar (its frontend built for production, no Node needed: the frontend uses no npm packages) ---
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline || true
COPY frontend/ frontend/
COPY src/ src/
RUN ./mvnw -B clean package -DskipTests \
    && java -Djarmode=tools -jar target/chimera-bench-*.jar extract --destination /src/bin \
    && mv /src/bin/chimera-bench-*.jar /src/bin/app.jar

# --- run: JRE only, non-root, database files in a volume ---
# The jar extracted, with a class data sharing archive from one training start in a scratch folder (Spring Boot's
# recipe; about half the start-up time, docs/measurement.md "Start-up").
FROM eclipse-temurin:17-jre
RUN groupadd --system chimera && useradd --system --gid chimera --home-dir /app chimera \
    && mkdir -p /app/data && chown -R chimera:chimera /app
WORKDIR /app
COPY --from=build --chown=chimera:chimera /src/bin/ /app/bin/
USER chimera
RUN mkdir /tmp/training && cd /tmp/training \
    && java -XX:ArchiveClassesAtExit=/app/bin/application.jsa -Dspring.context.exit=onRefresh -jar /app/bin/app.jar \
       --server.port=0 --spring.datasource.url=jdbc:h2:mem:training \
    && cd /app && rm -rf /tmp/training
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/app/bin/application.jsa", "-jar", "/app/bin/app.jar"]
