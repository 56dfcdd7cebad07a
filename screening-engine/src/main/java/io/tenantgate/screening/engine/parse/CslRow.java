package io.tenantgate.screening.engine.parse;

import io.tenantgate.screening.engine.model.Address;
import io.tenantgate.screening.engine.model.Identifier;
import java.util.List;

/** One Consolidated Screening List row, the same whether read from the CSV or the JSON form. */
record CslRow(
        String id,
        String source,
        String entityNumber,
        String type,
        List<String> programs,
        String name,
        List<Address> addresses,
        String federalRegisterNotice,
        String startDate,
        String licenseRequirement,
        String licensePolicy,
        String remarks,
        List<String> altNames,
        List<String> citizenships,
        List<String> datesOfBirth,
        List<String> nationalities,
        List<String> placesOfBirth,
        List<Identifier> ids) {
}
