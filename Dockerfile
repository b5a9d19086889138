# The portal as a container, for docker-compose.yml. It uses the external PostgreSQL given by
# SPRING_DATASOURCE_URL; the embedded one is for running without Docker.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw --batch-mode --quiet dependency:go-offline
COPY src src
RUN ./mvnw --batch-mode --quiet package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app portal
WORKDIR /app
COPY --from=build /src/target/portal.jar /app/portal.jar
USER portal
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/portal.jar"]
