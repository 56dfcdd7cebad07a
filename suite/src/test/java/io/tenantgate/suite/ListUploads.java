package io.tenantgate.suite;

import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;

/** Replacing a list takes two people: the operator uploads it (a proposal, 202), the supervisor approves it. */
final class ListUploads {

    private ListUploads() {
    }

    /** Uploads a list file to one screening replica as the operator; the proposal's id. */
    static String propose(RestAssuredConfig config, String operatorToken, String screeningUrl, String feed, String fileName,
                          byte[] content) {
        return given().config(config).auth().oauth2(operatorToken)
                .multiPart("file", fileName, content, "text/csv")
                .when().post(screeningUrl + "/api/v1/lists/" + feed)
                .then().statusCode(202).extract().path("id");
    }

    /** Approves a proposal as the supervisor: 201 with the delta once imported. */
    static Response approve(RestAssuredConfig config, String supervisorToken, String screeningUrl, String proposal) {
        return given().config(config).auth().oauth2(supervisorToken)
                .when().post(screeningUrl + "/api/v1/lists/proposals/" + proposal + "/approve");
    }

    /** Uploads and approves an internal list through the given screening replica, and checks it became a new version. */
    static void replaceInternalList(String operatorToken, String supervisorToken, String screeningUrl, byte[] csv) {
        String proposal = propose(RestAssuredConfig.config(), operatorToken, screeningUrl, "internal", "internal.csv", csv);
        approve(RestAssuredConfig.config(), supervisorToken, screeningUrl, proposal).then().statusCode(201);
    }
}
