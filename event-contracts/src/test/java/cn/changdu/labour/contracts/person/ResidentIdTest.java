package cn.changdu.labour.contracts.person;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResidentIdTest {

    @Test
    void accepts_a_valid_id_and_derives_birth_date_and_sex() {
        ResidentId id = new ResidentId("11010519491231002x");
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(ResidentId.Sex.FEMALE);
        assertThat(id.masked()).isEqualTo("110105***********X");
    }

    @Test
    void refuses_a_wrong_check_digit() {
        assertThat(ResidentId.validate("110105194912310021")).contains("校验码不符（GB 11643-1999 MOD 11-2）");
    }

    @Test
    void refuses_an_unknown_region_an_impossible_date_and_bad_shape() {
        assertThat(ResidentId.validate("990105194912310021")).get().asString().contains("地区码");
        assertThat(ResidentId.validate("540321199002300011")).get().asString().contains("不是有效日期");
        assertThat(ResidentId.validate("5403211990")).get().asString().contains("18 位");
        assertThatThrownBy(() -> new ResidentId(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void person_keys_are_stable_per_secret_and_hide_the_id() {
        ResidentId id = new ResidentId("11010519491231002X");
        String key = new PersonKeys("a-secret-of-enough-length").keyOf(id);
        assertThat(key).matches("pk_[0-9a-f]{32}").doesNotContain("110105");
        assertThat(new PersonKeys("a-secret-of-enough-length").keyOf(id)).isEqualTo(key);
        assertThat(new PersonKeys("another-secret-of-length").keyOf(id)).isNotEqualTo(key);
    }
}
