package org.heartdisease;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Trains ({@code --train}) or serves the heart-disease model as a Spring Cloud Function.
 */
@SpringBootApplication
public class HeartDiseaseApplication {

	public static void main(String[] args) {
		SpringApplication.run(HeartDiseaseApplication.class, args);
	}

}
