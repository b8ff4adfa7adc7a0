package cn.changdu.labour.training.classes.web;

import cn.changdu.labour.support.web.InvalidInput;

/**
 * A person named in a path by neither a person key nor a valid resident ID: a rule of the request, not of the
 * plan (400, like a failed bean-validation constraint; see {@link InvalidInput}).
 */
class PersonReferenceInvalid extends InvalidInput {

    private PersonReferenceInvalid(String field, String rule, String message) {
        super(field, rule, message);
    }

    static PersonReferenceInvalid notAResidentId() {
        return new PersonReferenceInvalid("person", "ValidResidentId", "不是有效的身份证号");
    }
}
