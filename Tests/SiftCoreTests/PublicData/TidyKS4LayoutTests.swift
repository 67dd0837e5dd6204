@testable import SiftCore
import Testing

/// KS4's tidy school file of 2023/24 as published (`202324_performance_tables_schools_final.csv`,
/// 157 columns), from its published column list: the 2023/24 names (`avg_att8`,
/// `avg_p8score`, `p8score_ci_low`, …), headline rows only, independent schools read but not
/// state-funded.
@Suite("KS4's tidy school file, 2023/24 layout")
struct TidyKS4LayoutTests {
    static let file = """
        time_period,time_identifier,geographic_level,country_code,country_name,school_laestab,school_urn,school_name,old_la_code,new_la_code,la_name,version,establishment_type_group,breakdown_topic,breakdown,sex,disadvantage,first_language,prior_attainment,mobility,t_pupils,t_att8,avg_att8,t_entbasics,pt_entbasics,t_l2basics_95,pt_l2basics_95,t_l2basics_94,pt_l2basics_94,t_ebacc_e_ptq_ee,pt_ebacc_e_ptq_ee,t_ebacc_95,pt_ebacc_95,t_ebacc_94,pt_ebacc_94,t_ebaccaps,avg_ebaccaps,t_inp8calc,t_p8score,avg_p8score,p8score_ci_low,p8score_ci_upp,t_p8eng,avg_p8eng,p8eng_ci_low,p8eng_ci_upp,t_p8mat,avg_p8mat,p8mat_ci_low,p8mat_ci_upp,t_p8ebac,avg_p8ebac,p8ebac_ci_low,p8ebac_ci_upp,t_p8open,avg_p8open,p8open_ci_low,p8open_ci_upp,t_anypass,pt_anypass,t_ebaceng_e,pt_ebaceng_e,t_ebacmat_e,pt_ebacmat_e,t_ebac2sci_e,pt_ebac2sci_e,t_ebachum_e,pt_ebachum_e,t_ebaclan_e,pt_ebaclan_e,t_ebaceng_95,pt_ebaceng_95,t_ebacmat_95,pt_ebacmat_95,t_ebac2sci_95,pt_ebac2sci_95,t_ebachum_95,pt_ebachum_95,t_ebaclan_95,pt_ebaclan_95,t_ebaceng_94,pt_ebaceng_94,t_ebacmat_94,pt_ebacmat_94,t_ebac2sci_94,pt_ebac2sci_94,t_ebachum_94,pt_ebachum_94,t_ebaclan_94,pt_ebaclan_94,t_att8_eng,avg_att8_eng,t_att8_mat,avg_att8_mat,t_att8_ebac,avg_att8_ebac,t_att8_open,avg_att8_open,t_att8_open_g,avg_att8_open_g,t_att8_open_ng,avg_att8_open_ng,t_ebac_fill,avg_ebac_fill,t_open_fill,avg_open_fill,t_triplesci_e,pt_triplesci_e,t_multilan_e,pt_multilan_e,t_ebaceng_91,pt_ebaceng_91,t_ebacmat_91,pt_ebacmat_91,t_ebac2sci_91,pt_ebac2sci_91,t_ebachum_91,pt_ebachum_91,t_ebaclan_91,pt_ebaclan_91,t_ebacc_91,pt_ebacc_91,t_5em_94,pt_5em_94,pt_inp8calc,t_adjp8,pt_adjp8,t_p8orig,avg_p8orig,p8orig_ci_low,p8orig_ci_upp,t_inscivacalc,pt_inscivacalc,t_vasci,avg_vasci,vasci_ci_low,vasci_ci_upp,t_inhumvacalc,pt_inhumvacalc,t_vahum,avg_vahum,vahum_ci_low,vahum_ci_upp,t_inlanvacalc,pt_inlanvacalc,t_valan,avg_valan,valan_ci_low,valan_ci_upp,t_ks4_e,avg_ks4_e,t_gcse_e,avg_gcse_e,t_volume_e,avg_volume_e,t_volume_covidimpacted_e,pt_volume_covidimpacted_e
        202324,Academic year,National,E92000001,England,,,,,,,Final,All state-funded,Total,Total,Total,Total,Total,Total,Total,560000,,45.9,,,,,,,,,,,,,,,,,-0.03,z,z,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,
        202324,Academic year,School,E92000001,England,9364001,136828,Collingwood College,936,E10000030,Surrey,Final,Converter academies,Total,Total,Total,Total,Total,Total,Total,270,,49.1,,,,,,,,,,,,,,,,,0.12,-0.03,0.27,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,
        202324,Academic year,School,E92000001,England,9364001,136828,Collingwood College,936,E10000030,Surrey,Final,Converter academies,Disadvantage,Disadvantaged,Total,Disadvantaged,Total,Total,Total,,,38.0,,,,,,,,,,,,,,,,,-0.4,-0.7,-0.1,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,
        202324,Academic year,School,E92000001,England,9366004,125320,St Catherine's School,936,E10000030,Surrey,Final,Independent schools,Total,Total,Total,Total,Total,Total,Total,,,70.2,,,,,,,,,,,,,,,,,z,z,z,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,
        """

    @Test("the 2023/24 names read, England's row its comparator, other pupil groups left out")
    func layout() throws {
        let table = try PerformanceTableReader.read(CSVReader(bytes: Array(Self.file.utf8)), year: 2024)
        #expect(table.keyStage == .ks4 && table.rejected.isEmpty && table.otherGroupRows == 1)
        #expect(table.schools.map(\.urn) == ["136828", "125320"])
        let collingwood = table.schools[0]
        #expect(collingwood.laCode == "936" && collingwood.isStateFunded)
        let progress = try #require(collingwood.measures[.progress8])
        #expect(progress.value == 0.12 && progress.lower == -0.03 && progress.upper == 0.27 && progress.national == -0.03)
        #expect(collingwood.measures[.attainment8]?.value == 49.1 && collingwood.measures[.attainment8]?.national == 45.9)
        let stCatherines = table.schools[1]
        #expect(!stCatherines.isStateFunded && stCatherines.measures[.progress8]?.status == .notPublished)
    }
}
