# Chimera Bench — container image (multi-stage).
#   docker build -t chimera-bench .
#   docker run -p 8080:8080 -v chimera-data:/app/data chimera-bench
# Not buildable on the project's CI machines (no Docker engine there); kept simple and correct by reading.

# --- build: production bundle (no Node needed: the frontend uses no npm packages) ---
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -Pproduction || true
COPY frontend/ frontend/
COPY src/ src/
RUN ./mvnw -B -Pproduction clean package -DskipTests \
    && cp target/chimera-bench-*.jar /src/app.jar

# --- run: JRE only, non-root, database files in a volume ---
FROM eclipse-temurin:17-jre
RUN groupadd --system chimera && useradd --system --gid chimera --home-dir /app chimera \
    && mkdir -p /app/data && chown -R chimera:chimera /app
WORKDIR /app
COPY --from=build --chown=chimera:chimera /src/app.jar /app/app.jar
USER chimera
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
